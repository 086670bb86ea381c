/**
 * A REST failure as the portal reports it (portal reference §3.4): HTTP status, `error` (a string code,
 * or the number 100 for engine-controller binder errors) and `error_description`, plus optional
 * extra keys such as `argument`.
 */
export class RestError extends Error {
  readonly status: number;
  readonly code: string | number;
  readonly description: string;
  readonly extra: Record<string, string> | undefined;

  constructor(
    status: number,
    code: string | number,
    description: string,
    extra?: Record<string, string>,
  ) {
    super(`${String(code)}: ${description}`);
    this.status = status;
    this.code = code;
    this.description = description;
    this.extra = extra;
  }

  /** The error envelope body; error responses carry no `time` (portal reference §3.3). */
  toJSON(): Record<string, unknown> {
    return { error: this.code, error_description: this.description, ...this.extra };
  }
}
