export {
  COMMAND,
  COMMAND_HELP,
  DOCTOR_COMMAND,
  FORMATS,
  MAIN_HELP,
  type OutputFormat,
  type ParsedArgs,
  parseCliArgs,
  type UserDetailsCommand,
} from './args';
export { type CliIo, runCli } from './cli';
export { EXIT, type Rendered, renderResult, renderTransportError, userTable } from './format';
export { PromptCancelled, readHiddenLine, type TerminalInput, type TextOutput } from './prompt';
