/** A refused start (of the server or of a rotation): `message` is one line that says what is wrong and how to fix it. */
export class StartError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'StartError';
  }
}
