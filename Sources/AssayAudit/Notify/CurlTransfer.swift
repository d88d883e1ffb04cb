internal import CCurl

/// One libcurl easy handle: an HTTPS POST or an SMTP submission over TLS, certificates verified.
///
/// The handle is created for one transfer and freed in `deinit`; nothing of curl leaks to callers, whose errors are
/// ``NotifyError`` values naming the channel, never a password.
final class CurlTransfer {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private let channel: String
    private var lists: [UnsafeMutablePointer<curl_slist>] = []

    /// libcurl's global state, set up once before the first handle (as `curl_global_init` requires).
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// A handle for `url` that verifies the server's certificate against `caFile`, else the system's authorities.
    init(channel: String, url: String, protocols: String, caFile: String?) throws(NotifyError) {
        self.channel = channel
        guard Self.initialized, let handle = curl_easy_init() else {
            errorBuffer.deallocate()
            throw .transfer(channel: channel, reason: "libcurl could not start")
        }
        self.handle = handle
        errorBuffer[0] = 0
        try set(assay_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try set(assay_curl_set_string(handle, CURLOPT_URL, url))
        try set(assay_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, protocols))
        try set(assay_curl_set_long(handle, CURLOPT_NOSIGNAL, 1))
        try set(assay_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, 10))
        try set(assay_curl_set_long(handle, CURLOPT_TIMEOUT, 30))
        try set(assay_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        try set(assay_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        if let caFile { try set(assay_curl_set_string(handle, CURLOPT_CAINFO, caFile)) }
        // Answers are not needed: drop them rather than let curl print them on stdout.
        try set(assay_curl_set_callback(handle, CURLOPT_WRITEFUNCTION) { _, size, count, _ in size * count })
    }

    deinit {
        curl_easy_cleanup(handle)
        for list in lists { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    /// POSTs `body` with `headers` (`Name: value`) and returns the HTTP status.
    func post(_ body: [UInt8], headers: [String]) throws(NotifyError) -> Int {
        try set(assay_curl_set_list(handle, CURLOPT_HTTPHEADER, try list(headers)))
        try set(assay_curl_set_long(handle, CURLOPT_POSTFIELDSIZE, body.count))
        let copied = body.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                assay_curl_set_pointer(
                    handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress))
            }
        }
        try set(copied)
        try perform()
        var status = 0
        try set(assay_curl_response_code(handle, &status))
        return status
    }

    /// Submits `message` (RFC 5322, CRLF lines) from `from` to `to`, logging in when `login` is given; TLS is
    /// required (`smtp://` must upgrade with STARTTLS).
    func sendMail(_ message: [UInt8], from: String, to: [String], login: (user: String, password: String)?)
        throws(NotifyError)
    {
        try set(assay_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        try set(assay_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(from)>"))
        try set(assay_curl_set_list(handle, CURLOPT_MAIL_RCPT, try list(to.map { "<\($0)>" })))
        if let login {
            try set(assay_curl_set_string(handle, CURLOPT_USERNAME, login.user))
            try set(assay_curl_set_string(handle, CURLOPT_PASSWORD, login.password))
        }
        let source = Upload(message)
        try withExtendedLifetime(source) { () throws(NotifyError) in
            try set(assay_curl_set_long(handle, CURLOPT_UPLOAD, 1))
            try set(assay_curl_set_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()))
            try set(
                assay_curl_set_callback(handle, CURLOPT_READFUNCTION) { buffer, size, count, context in
                    guard let buffer, let context else { return 0 }
                    return Unmanaged<Upload>.fromOpaque(context).takeUnretainedValue().read(
                        into: buffer, capacity: size * count)
                })
            try perform()
        }
    }

    private func perform() throws(NotifyError) {
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else { throw failure(code) }
    }

    private func set(_ code: CURLcode) throws(NotifyError) {
        guard code == CURLE_OK else { throw failure(code) }
    }

    private func failure(_ code: CURLcode) -> NotifyError {
        let detail = String(cString: errorBuffer)
        let reason = String(cString: curl_easy_strerror(code))
        return .transfer(channel: channel, reason: detail.isEmpty ? reason : "\(reason): \(detail)")
    }

    /// A curl string list kept until the handle is freed (curl reads it during the transfer).
    private func list(_ items: [String]) throws(NotifyError) -> UnsafeMutablePointer<curl_slist> {
        var list: UnsafeMutablePointer<curl_slist>?
        for item in items {
            guard let appended = curl_slist_append(list, item) else {
                if let list { curl_slist_free_all(list) }
                throw .transfer(channel: channel, reason: "out of memory")
            }
            list = appended
        }
        guard let list else { throw .transfer(channel: channel, reason: "nothing to send to") }
        lists.append(list)
        return list
    }
}

/// The bytes curl reads a message from, in pieces.
private final class Upload {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        bytes.withUnsafeBufferPointer { source in
            guard count > 0, let base = source.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
