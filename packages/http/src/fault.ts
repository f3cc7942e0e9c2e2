const CREDENTIALS_IN_URL = /(\/\/)[^\s/@]*@/g;
const MAX_FAULT_LENGTH = 300;

/**
 * A one-line description of a fault for the log (never for the client): the error's name,
 * status and message, with anything that looks like URL credentials or a listed secret
 * removed.
 */
export function describeFault(error: unknown, secrets: readonly string[] = []): string {
  // drizzle wraps a driver error in one whose message is the SQL and its parameters (the
  // caller's username among them): describe the driver's error instead.
  let fault = error;
  while (fault instanceof Error && 'params' in fault && fault.cause instanceof Error) {
    fault = fault.cause;
  }
  let text: string;
  if (fault instanceof Error) {
    const status = (fault as { status?: unknown }).status;
    text = `${fault.name}${typeof status === 'number' ? ` ${status}` : ''}: ${fault.message}`;
  } else {
    text = `non-error thrown: ${typeof error}`;
  }
  text = text.replace(CREDENTIALS_IN_URL, '$1***@');
  for (const secret of secrets) {
    if (secret.length >= 4) text = text.split(secret).join('***');
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > MAX_FAULT_LENGTH ? `${text.slice(0, MAX_FAULT_LENGTH)}…` : text;
}
