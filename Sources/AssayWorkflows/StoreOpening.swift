import AssayStore

/// Opens the records store when a workflow first needs it, with the access it needs, so that a workflow that
/// fails on its inputs (a policy, a key, an import file) opens, and so creates, no database.
public typealias StoreOpening = (_ access: Store.Access) throws -> Store
