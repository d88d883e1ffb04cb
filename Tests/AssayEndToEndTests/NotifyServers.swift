import AssayTestSupport
import Foundation

/// A server on 127.0.0.1 started by a test (a Python script in a child process), writing what it receives as
/// JSON files into its folder; stopped when released.
final class LocalServer {
    let folder: String
    let port: Int
    private let process: ChildProcess

    /// Starts `script ARGS…` in `folder` and waits for it to write the port it listens on.
    init(script: String, folder: String, arguments: [String]) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        self.folder = folder
        // Debian's python3, which has the python3-aiosmtpd package (Scripts/setup), whatever python3 is on PATH.
        process = try ChildProcess("/usr/bin/python3", ["-c", script, folder] + arguments)
        let deadline = Date().addingTimeInterval(15)
        var port: Int?
        while port == nil && Date() < deadline && process.isRunning {
            port = (try? String(contentsOfFile: folder + "/port", encoding: .utf8)).flatMap { Int($0) }
            if port == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let port else {
            let result = process.isRunning ? nil : process.wait()
            throw ServerFailure(message: "the test server did not start: \(result?.stderr ?? "timed out")")
        }
        self.port = port
    }

    deinit { stop() }

    /// Stops the server and waits for it to exit, so that its port is closed.
    func stop() {
        if process.isRunning {
            // SIGKILL: the test process may hold SIGTERM blocked, and its children inherit the mask.
            process.signal(SIGKILL)
            _ = process.wait()
        }
    }

    /// What the server received, in order, as decoded JSON objects.
    func received() throws -> [[String: Any]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix("received-") }
            .sorted { Int($0.dropFirst(9).dropLast(5)) ?? 0 < Int($1.dropFirst(9).dropLast(5)) ?? 0 }
        return try names.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ServerFailure(message: "\(name) is not a JSON object")
            }
            return object
        }
    }

    struct ServerFailure: Error { let message: String }

    /// A self-signed certificate for 127.0.0.1 and localhost: `(cert, key)` paths in `folder`.
    static func certificate(in folder: String) throws -> (cert: String, key: String) {
        let cert = folder + "/server-cert.pem"
        let key = folder + "/server-key.pem"
        let result = try ChildProcess.run(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ])
        guard result.exitCode == 0 else { throw ServerFailure(message: "openssl req: \(result.stderr)") }
        return (cert, key)
    }

    /// The shared ending of both scripts: `save(record)` writes the next `received-N.json` atomically.
    private static let save = """
        import json, os, pathlib, sys
        folder = pathlib.Path(sys.argv[1])
        count = 0
        def save(record):
            global count
            count += 1
            temporary = folder / f'.received-{count}.json'
            temporary.write_text(json.dumps(record))
            temporary.rename(folder / f'received-{count}.json')
        def announce(port):
            (folder / '.port').write_text(str(port))
            (folder / '.port').rename(folder / 'port')

        """

    /// HTTPS on an ephemeral port: `FOLDER CERT KEY STATUS SECRET`; records each POST with whether its
    /// `X-Assay-Signature-256` is the HMAC-SHA256 of the body under SECRET, and answers STATUS.
    static let https =
        save + """
            import hashlib, hmac, http.server, ssl
            cert, key, status, secret = sys.argv[2:6]
            class Handler(http.server.BaseHTTPRequestHandler):
                def do_POST(self):
                    body = self.rfile.read(int(self.headers.get('Content-Length', '0')))
                    given = self.headers.get('X-Assay-Signature-256')
                    expected = 'sha256=' + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
                    save({'path': self.path, 'contentType': self.headers.get('Content-Type'),
                          'event': self.headers.get('X-Assay-Event'), 'signature': given,
                          'signatureValid': given is not None and hmac.compare_digest(given, expected),
                          'body': body.decode()})
                    self.send_response(int(status))
                    self.send_header('Content-Length', '0')
                    self.end_headers()
                def log_message(self, *arguments):
                    pass
            server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            server.socket = context.wrap_socket(server.socket, server_side=True)
            announce(server.server_address[1])
            server.serve_forever()
            """

    /// SMTP with aiosmtpd on an ephemeral port: `FOLDER CERT KEY MODE USER PASSWORD`, MODE `starttls` (STARTTLS
    /// required before anything else) or `implicit` (TLS from the start); logins must be USER and PASSWORD.
    /// Records each message's envelope, subject and decoded MIME parts.
    static let smtp =
        save + """
            import asyncio, email, email.policy, ssl
            from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
            cert, key, mode, user, password = sys.argv[2:7]
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            def authenticate(server, session, envelope, mechanism, data):
                return AuthResult(success=isinstance(data, LoginPassword)
                                  and data.login.decode() == user and data.password.decode() == password)
            class Handler:
                async def handle_DATA(self, server, session, envelope):
                    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
                    parts = [{'type': part.get_content_type(), 'filename': part.get_filename(),
                              'text': part.get_content()} for part in message.walk() if not part.is_multipart()]
                    save({'from': envelope.mail_from, 'to': envelope.rcpt_tos, 'subject': str(message['subject']),
                          'authenticated': bool(session.authenticated), 'parts': parts})
                    return '250 OK'
            def protocol():
                if mode == 'implicit':
                    return SMTP(Handler(), hostname='localhost', authenticator=authenticate, auth_require_tls=False)
                return SMTP(Handler(), hostname='localhost', tls_context=context, require_starttls=True,
                            authenticator=authenticate)
            async def main():
                server = await asyncio.get_running_loop().create_server(
                    protocol, '127.0.0.1', 0, ssl=context if mode == 'implicit' else None)
                announce(server.sockets[0].getsockname()[1])
                await server.serve_forever()
            asyncio.run(main())
            """
}
