import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { GATEWAY_NODE_OPTIONS, subgraphRegistry } from "@c360/registry";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { baseDir, manifests, renderBase } from "../../deploy/manifests";

const dockerfile = readFileSync(join(import.meta.dirname, "../../Dockerfile"), "utf8");

/** The Kustomize base and the Dockerfile: valid Kubernetes objects, generated from the registry, one image per service. */
describe("deployment manifests", () => {
  it("validates every object against the Kubernetes schemas (kubernetes-models)", () => {
    const objects = Object.values(manifests()).flat();
    expect(objects.length).toBeGreaterThan(20);
    for (const object of objects) expect(() => object.validate()).not.toThrow();
  });

  it("are committed exactly as `pnpm manifests` generates them (a new subgraph cannot be forgotten)", () => {
    const fresh = renderBase();
    expect(readdirSync(baseDir).sort()).toEqual(Object.keys(fresh).sort());
    for (const [file, text] of Object.entries(fresh))
      expect(readFileSync(join(baseDir, file), "utf8"), `${file}: run pnpm manifests`).toBe(text);
  });

  it("run every service from its own Dockerfile target, probed on /readyz and /healthz, bounded (V8 heap within the memory limit), non-root, secrets from the Secret", () => {
    const docs = Object.keys(renderBase())
      .filter((f) => f !== "kustomization.yaml")
      .flatMap((f) => parseAllDocuments(readFileSync(join(baseDir, f), "utf8")).map((d) => d.toJSON()));
    const deployments = docs.filter((d) => d.kind === "Deployment");
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(
      ["gateway", ...subgraphRegistry.map((s) => s.name)].sort(),
    );
    for (const d of deployments) {
      const name = d.metadata.name as string;
      const [container] = d.spec.template.spec.containers;
      expect(dockerfile, name).toMatch(new RegExp(`^FROM runtime AS ${name}$`, "m"));
      expect(container.image).toBe(`c360/${name}`);
      expect(container.readinessProbe.httpGet.path).toBe("/readyz");
      expect(container.livenessProbe.httpGet.path).toBe("/healthz");
      expect(container.resources.requests.cpu).toBeDefined();
      expect(container.resources.limits.memory).toMatch(/^\d+Mi$/);
      // V8's heap is capped below the container's limit, so the process collects before the kernel kills it.
      const heap = Number(/^--max-old-space-size=(\d+)$/.exec(container.env[0].value)?.[1]);
      expect(container.env[0]).toEqual({ name: "NODE_OPTIONS", value: `--max-old-space-size=${heap}` });
      // Only the gateway holds the trail's key (its own Secret) and writes its checkpoints (a volume).
      const trail = container.env.slice(1).map((e: { name: string }) => e.name);
      expect(trail).toEqual(name === "gateway" ? ["C360_TRAIL_KEY", "C360_TRAIL_CHECKPOINTS"] : []);
      if (name === "gateway") {
        expect(container.env[1].valueFrom).toEqual({ secretKeyRef: { name: "c360-trail", key: "C360_TRAIL_KEY" } });
        expect(container.volumeMounts).toEqual([{ name: "trail-checkpoints", mountPath: container.env[2].value }]);
        expect(
          docs.some((x) => x.kind === "PersistentVolumeClaim" && x.metadata.name === "c360-trail-checkpoints"),
        ).toBe(true);
      }
      expect(heap).toBeGreaterThan(0);
      expect(heap).toBeLessThanOrEqual((Number.parseInt(container.resources.limits.memory, 10) * 2) / 3);
      expect(container.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false });
      expect(container.envFrom).toContainEqual({ secretRef: { name: "c360-secrets" } });
      expect(docs.some((x) => x.kind === "Service" && x.metadata.name === name)).toBe(true);
      expect(docs.some((x) => x.kind === "HorizontalPodAutoscaler" && x.spec.scaleTargetRef.name === name)).toBe(true);
    }
    const secret = docs.find((d) => d.kind === "Secret");
    expect(secret.stringData).toEqual({
      DATABASE_URL: "",
      C360_JWT_SECRET: "",
      C360_SUBGRAPH_SECRET: "",
      C360_METRICS_TOKEN: "",
    });
    // No web page of another origin may call the gateway until the operator lists it.
    expect(docs.find((d) => d.kind === "ConfigMap").data.C360_CORS_ORIGINS).toBe("");
    // The empty Secret is an example: applying the base never overwrites the real one.
    const kustomization = parseAllDocuments(readFileSync(join(baseDir, "kustomization.yaml"), "utf8"))[0]?.toJSON();
    expect(kustomization.resources).not.toContain("secret.example.yaml");
    expect(kustomization.resources.length).toBe(Object.keys(renderBase()).length - 2);
    // The code in the image belongs to root: the service's user (1000) can read it, not change it.
    expect(dockerfile).not.toMatch(/--chown/);
    // Nor do tests and their fixtures ship in it (they could be imported over real data).
    const ignored = readFileSync(join(import.meta.dirname, "../../.dockerignore"), "utf8").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["**/test", "bench"]));
    const job = docs.find((d) => d.kind === "Job");
    expect(job.spec.template.spec.containers[0]).toMatchObject({ image: "c360/cli", args: ["db", "migrate"] });
    expect(dockerfile).toMatch(/^FROM runtime AS cli$/m);
  });

  it("start the gateway's image with the V8 options the process tests and the bench start it with", () => {
    const command = /^FROM runtime AS gateway\n(?:.*\n)*?CMD (.*)$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(command ?? "null")).toEqual(["node", ...GATEWAY_NODE_OPTIONS, "gateway/dist/main.js"]);
  });
});
