/**
 * A mistake in what was asked (the command line, an --out that names no kind of output): exit
 * status 2, a message, no stack trace. Here, below every floor, so the engine can refuse a request
 * without importing the command line.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
