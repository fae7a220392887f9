import { buildAll } from "../../build";

/** Builds every package once per test run: the process specs and the CLI spec run the built code, as production does. */
export default async function setup(): Promise<void> {
  await buildAll();
}
