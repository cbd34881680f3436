// fastify with @fastify/cors over TLS on a free loopback port; prints "listening <port>" when ready.
// Usage: node server.js <certificate.pem> <key.pem> <port>
// Each configuration is its own encapsulated plugin under a prefix, as fastify applications scope their CORS.
const fs = require('node:fs');
const Fastify = require('fastify');
const cors = require('@fastify/cors');

const galxe = 'https://dashboard.galxe.com';
const [certificate, key, port] = process.argv.slice(2);
const app = Fastify({ https: { cert: fs.readFileSync(certificate), key: fs.readFileSync(key) } });
const ok = async () => 'ok';

function scope(prefix, options, routes) {
  app.register(async (instance) => {
    await instance.register(cors, options);
    routes(instance);
  }, { prefix });
}

// The plugin's default: Access-Control-Allow-Origin: * for every route of the scope.
scope('/default', {}, (f) => f.all('/', ok));
// An allow-list with the dashboard, GET and POST only.
scope('/allow-list', { origin: [galxe, 'https://app.partner.example'], methods: ['GET', 'POST'] }, (f) => f.all('/', ok));
// Credentials for the dashboard alone.
scope('/credentials', { origin: galxe, credentials: true }, (f) => f.all('/', ok));
// The request's origin reflected, with credentials.
scope('/reflect-credentials', { origin: true, credentials: true }, (f) => f.all('/', ok));
// A route for POST and PUT only: a GET of it is answered 404 by fastify.
scope('/write-only', { origin: galxe }, (f) => { f.post('/', ok); f.put('/', ok); });
// A redirect to the permissive scope, inside a scope with the plugin.
scope('/moved', { origin: galxe }, (f) => f.all('/', async (request, reply) => reply.redirect('/default/', 302)));
// A reply that adds the header the plugin already set: two lines.
scope('/appended', { origin: galxe }, (f) => f.all('/', async (request, reply) => { reply.header('Access-Control-Allow-Origin', [galxe, galxe]); return 'ok'; }));
// An authentication hook that answers 401 before the CORS plugin's hook, on every non-OPTIONS request.
app.register(async (instance) => {
  instance.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS') {
      reply.code(401).send('unauthorized');
    }
  });
  await instance.register(cors, { origin: galxe });
  instance.all('/', ok);
}, { prefix: '/auth-before-cors' });

app.listen({ port: Number(port), host: '127.0.0.1' }).then(() => console.log(`listening ${app.server.address().port}`));
