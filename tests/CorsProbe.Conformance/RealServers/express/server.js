// Express with the `cors` package over TLS on a free loopback port; prints "listening <port>" when ready.
// Usage: node server.js <certificate.pem> <key.pem> <port>
const fs = require('node:fs');
const https = require('node:https');
const express = require('express');
const cors = require('cors');

const galxe = 'https://dashboard.galxe.com';
const app = express();
const ok = (req, res) => res.type('text/plain').send('ok');

// The package's default: Access-Control-Allow-Origin: * for everything.
app.use('/default', cors(), ok);
// origin: true reflects whatever Origin arrives.
app.use('/reflect', cors({ origin: true }), ok);
// An allow-list that has the dashboard, with GET and POST only.
app.use('/allow-list', cors({ origin: [galxe, 'https://app.partner.example'], methods: ['GET', 'POST'] }), ok);
// Credentials for the dashboard alone.
app.use('/credentials', cors({ origin: galxe, credentials: true }), ok);

// Mistakes browsers catch after the preflight.
// A route registered before the CORS middleware: OPTIONS gets the headers, the GET that the route answers does not.
app.get('/route-first', ok);
app.use('/route-first', cors({ origin: galxe }), ok);
// A redirect to the permissive route, the headers on the redirect too.
app.use('/moved', cors({ origin: galxe }), (req, res) => res.redirect(301, '/default'));
// A second layer that appends the header the package already set: two lines.
app.use('/appended', cors({ origin: galxe }), (req, res) => { res.append('Access-Control-Allow-Origin', galxe); res.type('text/plain').send('ok'); });

// Misconfigurations the audit must find (and the allow-list above must not trigger).
// origin: true with credentials: any origin, logged in.
app.use('/reflect-credentials', cors({ origin: true, credentials: true }), ok);
// A regular expression with unescaped dots and no anchors.
app.use('/regex', cors({ origin: /dashboard.galxe.com/ }), ok);
// An endsWith check without the leading dot.
app.use('/ends-with', cors({ origin: (origin, done) => done(null, !!origin && origin.endsWith('galxe.com')) }), ok);
// The opaque origin allowed next to the dashboard.
app.use('/null', cors({ origin: ['null', galxe] }), ok);

const [certificate, key, port] = process.argv.slice(2);
const server = https.createServer({ cert: fs.readFileSync(certificate), key: fs.readFileSync(key) }, app);
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
