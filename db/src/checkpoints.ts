import { appendFile, mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { TrailKey } from "./trail-key";

/**
 * A signed checkpoint of one chain: how many events it had written (`events`, counting those pruned
 * since) and the hash of the last (`head`), when; `closed` on the last one its writer wrote. Each
 * names the signature of the one before it in its file (`prev`) and is keyed (`mac`).
 */
export interface Checkpoint {
  chain: string;
  seq: number;
  events: number;
  head: string;
  at: string;
  closed: boolean;
  keyId: string;
  prev: string;
  mac: string;
}

type Unsigned = Omit<Checkpoint, "mac">;

const signed = (c: Unsigned) => JSON.stringify([c.chain, c.seq, c.events, c.head, c.at, c.closed, c.keyId, c.prev]);

/** Chain names are UUIDs: a file name made of anything else is not a checkpoint log. */
const CHAIN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The checkpoints of one chain, appended to `<dir>/<chain>.jsonl`: a directory outside the database
 * (a volume the database's users cannot write, ideally append-only storage), so that whoever can
 * rewrite the trail's tables cannot also rewrite what its writers said they had written. Appends
 * run one at a time, in order.
 */
export class CheckpointLog {
  private seq = 0;
  private prev = "";
  private appending: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly chain: string,
    private readonly key: TrailKey,
  ) {}

  append(events: number, head: string, closed = false): Promise<void> {
    const unsigned: Unsigned = {
      chain: this.chain,
      seq: ++this.seq,
      events,
      head,
      at: new Date().toISOString(),
      closed,
      keyId: this.key.id,
      prev: this.prev,
    };
    const checkpoint: Checkpoint = { ...unsigned, mac: this.key.mac(signed(unsigned)) };
    this.prev = checkpoint.mac;
    const line = `${JSON.stringify(checkpoint)}\n`;
    this.appending = this.appending.then(async () => {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await appendFile(join(this.dir, `${this.chain}.jsonl`), line, { mode: 0o600 });
    });
    return this.appending;
  }
}

/** What a chain's checkpoint log says, once its every line verified: its last checkpoint, or why not. */
export type CheckpointReading = { chain: string; last: Checkpoint } | { chain: string; problem: string };

/** Reads and verifies every chain's checkpoint log in `dir` (none when it does not exist). */
export async function readCheckpoints(dir: string, key: TrailKey | undefined): Promise<CheckpointReading[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const readings: CheckpointReading[] = [];
  for (const name of names.sort()) {
    const chain = name.replace(/\.jsonl$/, "");
    if (!name.endsWith(".jsonl") || !CHAIN.test(chain)) continue;
    readings.push(verifyLog(chain, await readFile(join(dir, name), "utf8"), key));
  }
  return readings;
}

function verifyLog(chain: string, text: string, key: TrailKey | undefined): CheckpointReading {
  let last: Checkpoint | undefined;
  const lines = text.split("\n").filter(Boolean);
  for (const [index, line] of lines.entries()) {
    const at = `checkpoint ${index + 1}`;
    let c: Checkpoint;
    try {
      c = JSON.parse(line) as Checkpoint;
    } catch {
      return { chain, problem: `${at} is not JSON` };
    }
    if (!key || key.id !== c.keyId)
      return { chain, problem: `${at} is keyed with key ${c.keyId}, which was not given` };
    const { mac, ...unsigned } = c;
    if (key.mac(signed(unsigned)) !== mac) return { chain, problem: `${at} does not match its signature` };
    if (c.chain !== chain || c.seq !== index + 1 || c.prev !== (last?.mac ?? ""))
      return { chain, problem: `${at} does not follow the one before it` };
    last = c;
  }
  return last ? { chain, last } : { chain, problem: "its checkpoint log is empty" };
}
