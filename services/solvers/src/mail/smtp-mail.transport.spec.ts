import { createServer, type AddressInfo, type Server } from 'node:net';
import { SmtpMailTransport } from './smtp-mail.transport';

/** Just enough of an SMTP server on 127.0.0.1 to take one message (or to refuse every connection). */
async function fakeSmtpServer(refuse = false): Promise<{ url: string; messages: string[]; server: Server }> {
  const messages: string[] = [];
  const server = createServer((socket) => {
    let data: string | null = null;
    let buffered = '';
    socket.write(refuse ? '421 fake.test busy, try later\r\n' : '220 fake.test ESMTP\r\n');
    if (refuse) return void socket.end();
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
        } else if (/^EHLO/i.test(line)) socket.write('250 fake.test\r\n');
        else if (/^DATA/i.test(line)) {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, messages, server };
}

describe('SmtpMailTransport', () => {
  it('hands the mail to the SMTP server of SMTP_URL, from MAIL_FROM', async () => {
    const smtp = await fakeSmtpServer();
    try {
      await new SmtpMailTransport(smtp.url, 'Ideagora <no-reply@ideagora.test>').send({ to: 'ada@example.test', subject: 'Reset your Ideagora password', text: 'The link' });
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toMatch(/^From: Ideagora <no-reply@ideagora\.test>$/m);
      expect(smtp.messages[0]).toMatch(/^To: ada@example\.test$/m);
      expect(smtp.messages[0]).toMatch(/^Subject: Reset your Ideagora password$/m);
      expect(smtp.messages[0]).toContain('The link');
    } finally {
      smtp.server.close();
    }
  });

  it('fails when the server refuses, so the dispatcher retries', async () => {
    const smtp = await fakeSmtpServer(true);
    try {
      await expect(new SmtpMailTransport(smtp.url, 'no-reply@ideagora.test').send({ to: 'ada@example.test', subject: 'S', text: 'T' })).rejects.toThrow(/421/);
    } finally {
      smtp.server.close();
    }
  });
});
