/** A delivery that retrying cannot fix (rejected address, invalid number, bad request): the job fails for good. */
export class PermanentDeliveryError extends Error {
  override name = "PermanentDeliveryError";
}

/** A transient refusal (rate limit, 5xx, timeout): the job is retried with exponential backoff. */
export class RetryableDeliveryError extends Error {
  override name = "RetryableDeliveryError";
}
