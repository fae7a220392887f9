export { type DatabaseConfig, redactUrl } from "./config";
export { Cancellation, type CsvSource, type Database, openDatabase, type SqlSession } from "./database";
export { explainDatabaseError, isTransientDatabaseError } from "./errors";
export { insertRows } from "./insert";
