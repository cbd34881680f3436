"""Flask with Flask-CORS (the Debian packages) over TLS on a free loopback port; prints "listening <port>" when ready.

Usage: python3 server.py <certificate.pem> <key.pem> <port>
"""
import ssl
import sys

from flask import Flask, abort, make_response, redirect
from flask_cors import CORS, cross_origin
from werkzeug.serving import make_server

GALXE = "https://dashboard.galxe.com"
ALL = ["GET", "POST", "PUT", "DELETE"]

app = Flask(__name__)

# The extension for a set of resources: every response under /ext/ gets the headers, errors included.
CORS(app, resources={r"/ext/*": {"origins": "*"}})


@app.route("/ext/default/", methods=ALL)
def extension_default():
    return "ok"


# The decorator on one view, with an allow-list, GET and POST only.
@app.route("/allow-list/", methods=ALL)
@cross_origin(origins=[GALXE, "https://app.partner.example"], methods=["GET", "POST"])
def allow_list():
    return "ok"


# Credentials for the dashboard alone.
@app.route("/credentials/", methods=ALL)
@cross_origin(origins=[GALXE], supports_credentials=True)
def credentials():
    return "ok"


# Credentials for whoever asks: with every origin allowed (the default) and credentials, Flask-CORS echoes the
# Origin; it lists its methods, and echoes the requested headers, only when the preflight asks for a method it knows.
@app.route("/reflect-credentials/", methods=ALL)
@cross_origin(supports_credentials=True)
def reflect_credentials():
    return "ok"


# A view for POST and PUT only: Flask answers a GET with 405 before the decorator runs.
@app.route("/write-only/", methods=["POST", "PUT"])
@cross_origin(origins=[GALXE])
def write_only():
    return "ok"


# The decorator, and a view that fails: the error page raised by abort() carries no CORS headers.
@app.route("/errors/", methods=ALL)
@cross_origin(origins=[GALXE])
def errors():
    abort(500)


# A redirect under the extension: the 302 gets the headers, and so does the target.
@app.route("/ext/moved/", methods=ALL)
def extension_moved():
    return redirect("/ext/default/", code=302)


# The decorator, and a header a second layer adds: two lines.
@app.route("/appended/", methods=ALL)
@cross_origin(origins=[GALXE])
def appended():
    response = make_response("ok")
    response.headers.add("Access-Control-Allow-Origin", GALXE)
    return response


certificate, key, port = sys.argv[1:4]
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(certificate, key)
server = make_server("127.0.0.1", int(port), app, threaded=True, ssl_context=context)
print(f"listening {server.server_port}", flush=True)
server.serve_forever()
