/// Reads the `notifications` list of a policy file.
extension PolicyNode {
    func channels() throws(AuditError) -> [NotifyChannel] {
        var channels: [NotifyChannel] = []
        for item in try items() {
            let channel = try item.channel()
            guard !channels.contains(where: { $0.name == channel.name }) else {
                throw item.fail("a channel named '\(channel.name)' is already declared")
            }
            channels.append(channel)
        }
        return channels
    }

    private func channel() throws(AuditError) -> NotifyChannel {
        let common = ["name", "type", "url", "caFile"]
        let emailKeys = ["from", "to", "username", "passwordFile", "passwordEnv", "report"]
        let webhookKeys = ["body", "secretFile", "secretEnv"]
        let fields = try fields(allowed: common + emailKeys + webhookKeys, required: ["name", "type", "url"])
        let name = try field(fields, "name").text()
        guard name.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9._-]*/) != nil else {
            throw fail("a channel name is letters, digits, '.', '_' and '-', not '\(name)'")
        }
        let type = try field(fields, "type").text()
        let url = try field(fields, "url")
        let destination: NotifyChannel.Destination
        switch type {
        case "email":
            try refuse(webhookKeys, in: fields, type: type)
            destination = .email(try email(fields, url: url))
        case "webhook":
            try refuse(emailKeys, in: fields, type: type)
            destination = .webhook(try webhook(fields, url: url))
        default:
            throw try field(fields, "type").fail("expected email or webhook, not '\(type)'")
        }
        return NotifyChannel(name: name, destination: destination, caFile: try fields["caFile"]?.text())
    }

    private func email(_ fields: [String: PolicyNode], url: PolicyNode) throws(AuditError) -> EmailDestination {
        let to = try field(fields, "to").items().map { item throws(AuditError) in try item.address() }
        guard !to.isEmpty else { throw try field(fields, "to").fail("expected at least one address") }
        var placement = EmailDestination.ReportPlacement.attach
        if let node = fields["report"] {
            guard let value = EmailDestination.ReportPlacement(rawValue: try node.text()) else {
                throw node.fail("expected attach or inline")
            }
            placement = value
        }
        let password = try secret(fields, file: "passwordFile", environment: "passwordEnv")
        let username = try fields["username"]?.text()
        if (username == nil) != (password == nil) {
            throw fail("'username' and a password ('passwordFile' or 'passwordEnv') go together")
        }
        return EmailDestination(
            url: try url.url(schemes: ["smtp", "smtps"]), from: try field(fields, "from").address(), to: to,
            username: username, password: password, report: placement)
    }

    private func webhook(_ fields: [String: PolicyNode], url: PolicyNode) throws(AuditError) -> WebhookDestination {
        var body = WebhookDestination.Body.json
        if let node = fields["body"] {
            guard let value = WebhookDestination.Body(rawValue: try node.text()) else {
                throw node.fail("expected json or text")
            }
            body = value
        }
        let secret = try secret(fields, file: "secretFile", environment: "secretEnv")
        if body == .json && secret == nil {
            throw fail("a json webhook is signed: give 'secretFile' or 'secretEnv'")
        }
        return WebhookDestination(url: try url.url(schemes: ["https"]), body: body, secret: secret)
    }

    private func secret(_ fields: [String: PolicyNode], file: String, environment: String) throws(AuditError)
        -> Secret?
    {
        switch (fields[file], fields[environment]) {
        case (nil, nil): return nil
        case (let node?, nil): return .file(try node.text())
        case (nil, let node?): return .environment(try node.text())
        case (_, let node?): throw node.fail("give '\(file)' or '\(environment)', not both")
        }
    }

    private func refuse(_ keys: [String], in fields: [String: PolicyNode], type: String) throws(AuditError) {
        if let key = keys.first(where: { fields[$0] != nil }), let node = fields[key] {
            throw node.fail("not a key of a channel of type \(type)")
        }
    }

    private func field(_ fields: [String: PolicyNode], _ key: String) throws(AuditError) -> PolicyNode {
        guard let field = fields[key] else { throw fail("missing key '\(key)'") }
        return field
    }

    private func url(schemes: [String]) throws(AuditError) -> String {
        let text = try text()
        guard let scheme = text.split(separator: ":", maxSplits: 1).first, schemes.contains(String(scheme)),
            text.hasPrefix("\(scheme)://"), text.count > scheme.count + 3,
            !text.contains(where: { $0.isWhitespace || $0.isNewline })
        else {
            throw fail("expected a URL starting \(schemes.map { "\($0)://" }.joined(separator: " or ")), not '\(text)'")
        }
        return text
    }

    private func address() throws(AuditError) -> String {
        let text = try text()
        guard text.wholeMatch(of: /[^\s<>@,;"]+@[^\s<>@,;"]+/) != nil else {
            throw fail("expected an e-mail address such as security@example.com, not '\(text)'")
        }
        return text
    }
}
