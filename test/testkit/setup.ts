import { randomBytes } from "node:crypto";

/**
 * Every test file runs with a real JWT secret of its own, as production does (production refuses to
 * start without one): tokens minted by the tests and every process they start use it.
 */
process.env.C360_JWT_SECRET ??= `test-${randomBytes(24).toString("hex")}`;

/**
 * Stacks started inside a test process log at `warn` (their request lines would bury the test
 * report); process tests start the product at its deployed level, `info`, and read the lines.
 */
process.env.C360_LOG_LEVEL ??= "warn";
