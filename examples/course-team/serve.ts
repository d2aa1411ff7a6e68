/**
 * Serves site/ on 127.0.0.1 for the tests, on a port the system picks,
 * and passes its address to them in $COURSE_URL.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export default async function serve(): Promise<() => Promise<void>> {
  const server = createServer(async (request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (name !== '/lab.html') return void response.writeHead(404).end();
    const page = await readFile(new URL('./site/lab.html', import.meta.url));
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env['COURSE_URL'] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return () => new Promise((resolve) => server.close(() => resolve()));
}
