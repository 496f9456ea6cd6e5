import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Paths of the PEM files `makeCertificates` wrote. */
export interface TestCertificates {
  /** The CA that signed the server and client certificates. */
  ca: string;
  /** The server certificate (signed by `ca`) and its key. */
  serverCert: string;
  serverKey: string;
  /** A client certificate (signed by `ca`, common name `client`) and its key, for mutual TLS and EXTERNAL auth. */
  clientCert: string;
  clientKey: string;
  /** A second, unrelated CA: trusting only it must fail the handshake. */
  otherCa: string;
}

/** What the server certificate names. */
export interface CertificateSubject {
  /** Subject common name of the server certificate. @defaultValue 'localhost' */
  commonName?: string;
  /** subjectAltName entries, e.g. `['DNS:localhost', 'IP:127.0.0.1']`. @defaultValue `['DNS:localhost', 'IP:127.0.0.1']` */
  altNames?: string[];
  /** Common name of the client certificate. @defaultValue 'client' */
  clientCommonName?: string;
}

/**
 * Generates a throwaway CA, a server certificate and a client certificate
 * signed by it, and an unrelated second CA, with openssl into `dir` (created
 * if missing). Keys are unencrypted RSA 2048, valid one day: test use only.
 * Files: ca.pem, server.pem, server-key.pem, client.pem, client-key.pem, otherCa.pem.
 */
export async function makeCertificates(dir: string, subject: CertificateSubject = {}): Promise<TestCertificates> {
  await mkdir(dir, { recursive: true });
  const path = (name: string) => join(dir, name);
  const commonName = subject.commonName ?? 'localhost';
  const altNames = subject.altNames ?? ['DNS:localhost', 'IP:127.0.0.1'];
  const clientCommonName = subject.clientCommonName ?? 'client';
  for (const name of [commonName, clientCommonName, ...altNames]) {
    if (!/^[\w.:*@-]+$/.test(name)) throw new Error(`makeCertificates: unsupported name ${JSON.stringify(name)}`);
  }
  await selfSignedCa(path('ca.pem'), path('ca-key.pem'), 'nestjs-ack test CA');
  await selfSignedCa(path('otherCa.pem'), path('otherCa-key.pem'), 'nestjs-ack other CA');
  await writeFile(path('server.ext'), `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${altNames.join(',')}\n`);
  await writeFile(path('client.ext'), 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n');
  await signed(dir, 'server', commonName);
  await signed(dir, 'client', clientCommonName);
  return {
    ca: path('ca.pem'),
    serverCert: path('server.pem'),
    serverKey: path('server-key.pem'),
    clientCert: path('client.pem'),
    clientKey: path('client-key.pem'),
    otherCa: path('otherCa.pem'),
  };
}

async function selfSignedCa(cert: string, key: string, name: string): Promise<void> {
  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
}

async function signed(dir: string, name: string, commonName: string): Promise<void> {
  const path = (file: string) => join(dir, file);
  await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', path(`${name}-key.pem`), '-out', path(`${name}.csr`), '-subj', `/CN=${commonName}`);
  await openssl('x509', '-req', '-in', path(`${name}.csr`), '-CA', path('ca.pem'), '-CAkey', path('ca-key.pem'), '-CAcreateserial', '-out', path(`${name}.pem`), '-days', '1', '-extfile', path(`${name}.ext`));
}

async function openssl(...args: string[]): Promise<void> {
  try {
    await run('openssl', args, { timeout: 30_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim() || (error as Error).message}`);
  }
}
