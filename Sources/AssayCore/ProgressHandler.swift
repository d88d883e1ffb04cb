/// Told how far a long operation has got (rows imported, log entries verified): `done` of `total` so far.
///
/// Called on the thread doing the work, often, so it should be cheap; the command line throttles what it draws.
public typealias ProgressHandler = @Sendable (_ done: Int, _ total: Int) -> Void
