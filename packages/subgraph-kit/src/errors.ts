import { GraphQLError } from "graphql";

/** A client mistake in an argument: `BAD_USER_INPUT`, naming the argument, never echoing data. */
export function badUserInput(argumentName: string, reason: string): GraphQLError {
  return new GraphQLError(`${argumentName}: ${reason}`, { extensions: { code: "BAD_USER_INPUT", argumentName } });
}
