export class InvalidKeyError extends Error {
  override name = 'InvalidKeyError';
  constructor(
    readonly key: string,
    problem: string
  ) {
    const shown = key.length > 80 ? `${key.slice(0, 80)}…` : key;
    super(`Invalid storage key ${JSON.stringify(shown)}: ${problem}`);
  }
}

/** The range starts past the last byte: HTTP answers 416, naming `size` in Content-Range. */
export class RangeNotSatisfiableError extends Error {
  override name = 'RangeNotSatisfiableError';
  constructor(
    readonly key: string,
    readonly size: number
  ) {
    super(`The range asked of "${key}" starts past its end (${size} bytes)`);
  }
}

export class BodySizeMismatchError extends Error {
  override name = 'BodySizeMismatchError';
  constructor(
    readonly declared: number,
    received: number | 'more'
  ) {
    super(
      `The stream was declared as ${declared} bytes but gave ${received === 'more' ? 'more' : received}; nothing was stored`
    );
  }
}
