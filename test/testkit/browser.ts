import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const chromiumPath = "/usr/bin/chromium";

/** Debian's Chromium, headless, with nothing of its own talking to the network (no updates, no sync). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(`the browser test needs Debian's Chromium at ${chromiumPath}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
