/*
 * The c360 explorer page: GraphiQL with a role picker (development: the gateway mints a token per
 * role) or a token field (production). The token's session gives its example operations and its
 * roles' own schema for the docs pane. Nothing is kept in localStorage: queries and tokens live in
 * this page only.
 */
(() => {
  const { mode, roles } = document.body.dataset;
  const h = React.createElement;
  const root = ReactDOM.createRoot(document.getElementById("graphiql"));
  const status = document.getElementById("status");
  let session = null;

  const memory = new Map();
  const storage = {
    getItem: (key) => (memory.has(key) ? memory.get(key) : null),
    setItem: (key, value) => memory.set(key, String(value)),
    removeItem: (key) => memory.delete(key),
    clear: () => memory.clear(),
    get length() {
      return memory.size;
    },
  };

  const fetcher = async (params) => {
    const headers = { "content-type": "application/json" };
    if (session) headers.authorization = `Bearer ${session.token}`;
    const response = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify(params) });
    return response.json();
  };

  const say = (text, error = false) => {
    status.textContent = text;
    status.className = error ? "error" : "";
  };

  const render = () => {
    memory.clear();
    const examples = session?.examples ?? [];
    root.render(
      h(GraphiQL, {
        key: session ? session.token : "none",
        fetcher,
        storage,
        schema: session?.schema ?? null,
        defaultTabs: examples.length
          ? examples.map((e) => ({ query: e.query }))
          : [
              {
                query: session
                  ? "# No example fits this token's roles.\n"
                  : "# Choose a role or give a token to start.\n",
              },
            ],
        isHeadersEditorEnabled: false,
        shouldPersistHeaders: false,
      }),
    );
  };

  const open = async (token) => {
    const response = await fetch("/explorer/session", { headers: { authorization: `Bearer ${token}` } });
    const body = await response.json();
    if (!response.ok) {
      session = null;
      say(body.errors?.[0]?.message ?? `the gateway answered ${response.status}`, true);
    } else {
      session = { token, ...body };
      const markets = body.markets ? ` · markets ${body.markets.join(", ")}` : "";
      say(`${body.subject} · ${body.roles.join(", ") || "no known role"}${markets}`);
    }
    render();
  };

  if (mode === "development") {
    const picker = document.getElementById("role");
    for (const role of roles.split(" ")) picker.append(new Option(role, role));
    picker.addEventListener("change", async () => {
      if (!picker.value) return;
      const response = await fetch(`/explorer/token?role=${encodeURIComponent(picker.value)}`);
      const body = await response.json();
      if (response.ok) await open(body.token);
      else say(body.errors?.[0]?.message ?? `the gateway answered ${response.status}`, true);
    });
    document.getElementById("role-picker").hidden = false;
  } else {
    const form = document.getElementById("token-form");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const token = document
        .getElementById("token")
        .value.trim()
        .replace(/^Bearer\s+/i, "");
      if (token) void open(token);
    });
    form.hidden = false;
  }
  render();
})();
