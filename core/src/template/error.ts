import { HelmError } from '../errors/index.js';

/**
 * A parse or execution error of a Go template. The message is exactly Go's error string
 * (`template: NAME:LINE: ...` or `template: NAME:LINE:COL: executing "NAME" at <NODE>: ...`);
 * `file` is the name the failing text was parsed as, `templateName` the template being executed.
 */
export class TemplateError extends HelmError {
  constructor(
    message: string,
    readonly templateName: string,
    parseName: string,
    line: number | undefined,
  ) {
    super(message, line === undefined ? { file: parseName } : { file: parseName, line });
  }
}
