import { createServer, type AddressInfo } from 'node:net';

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** Each message's DATA (headers and body), in arrival order. */
  messages: string[];
  close(): Promise<void>;
}

/**
 * Just enough of an SMTP server on 127.0.0.1 to take messages (or, with `refuse`, to turn every connection away with
 * a 421): for tests of the SMTP transport, and for the benchmark, whose production-mode solvers require SMTP_URL.
 */
export async function startSmtpSink(options: { refuse?: boolean } = {}): Promise<SmtpSink> {
  const messages: string[] = [];
  const server = createServer((socket) => {
    let data: string | null = null;
    let buffered = '';
    socket.on('error', () => undefined); // a client that hangs up is not our failure
    socket.write(options.refuse ? '421 sink.test busy, try later\r\n' : '220 sink.test ESMTP\r\n');
    if (options.refuse) return void socket.end();
    socket.on('data', (chunk) => {
      buffered += chunk.toString();
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            messages.push(data);
            data = null;
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
        } else if (/^EHLO/i.test(line)) socket.write('250 sink.test\r\n');
        else if (/^DATA/i.test(line)) {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
