-- Assay records store: the schema produced by the migrations in Sources/AssayStore/Database/Migrations.swift.
-- SQLite, WAL journal, foreign keys on. A test (SchemaFileTests) keeps this file identical to the migrated database:
-- change the migrations, then regenerate this file; never edit one without the other.

-- artifact: a binary a vendor ships or a site runs: name, size, SHA-256 (the file kept as a blob) and, for packages and
-- archives, the bundle digest of its contents with the content manifest kept as a blob.
CREATE TABLE "artifact" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "vendorId" INTEGER NOT NULL REFERENCES "vendor"("id") ON DELETE RESTRICT, "name" TEXT NOT NULL, "size" INTEGER NOT NULL, "sha256" TEXT NOT NULL REFERENCES "storedBlob"("sha256") ON DELETE RESTRICT, "contentDigest" TEXT, "contentManifestSha256" TEXT REFERENCES "storedBlob"("sha256") ON DELETE RESTRICT, "product" TEXT, "version" TEXT, "site" TEXT, "label" TEXT, "addedAt" TEXT NOT NULL);

-- artifactVerdict: the verdict on one artefact in one artifact verify run (reproduced, equivalent-content, differs, no-
-- expectation), the expectation it was held against, differing members and the diffoscope report blob.
CREATE TABLE "artifactVerdict" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "verificationId" INTEGER NOT NULL REFERENCES "artifactVerification"("id") ON DELETE RESTRICT, "artifactId" INTEGER NOT NULL REFERENCES "artifact"("id") ON DELETE RESTRICT, "verdict" TEXT NOT NULL, "expectationId" INTEGER REFERENCES "expectation"("id") ON DELETE RESTRICT, "differingMembers" TEXT NOT NULL, "diffoscopeSha256" TEXT REFERENCES "storedBlob"("sha256") ON DELETE RESTRICT, "diffoscopeSummary" TEXT NOT NULL);

-- artifactVerification: one artifact verify run: when, who, what was asked, and whether every artefact passed.
CREATE TABLE "artifactVerification" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "verifiedAt" TEXT NOT NULL, "actor" TEXT NOT NULL, "scope" TEXT NOT NULL, "passed" BOOLEAN NOT NULL, "diffoscope" TEXT, "toolVersion" TEXT NOT NULL);

-- auditFinding: the findings an audit run reported, by stable id, so that runs can be compared (audit diff); vendors
-- by id and name without a foreign key, so history outlives a removed vendor. acceptanceId (v11-risk-acceptances)
-- names the risk acceptance under which the finding was reported as accepted, not counted; NULL when it counted.
CREATE TABLE "auditFinding" ("runId" INTEGER NOT NULL REFERENCES "auditRun"("id") ON DELETE CASCADE, "findingId" TEXT NOT NULL, "kind" TEXT NOT NULL, "severity" TEXT NOT NULL, "vendorId" INTEGER, "vendorName" TEXT, "subject" TEXT NOT NULL, "message" TEXT NOT NULL, "acceptanceId" INTEGER, PRIMARY KEY ("runId", "findingId"));

-- Hash-chained audit log: one row per change, appended in the same transaction.
-- hash = SHA-256(prevHash || "\n" || canonical JSON of the entry without its hash and rows [|| "\n" || rows]);
-- prevHash of seq 1 is 64 zeros. rows (added by v9-records-bound-to-log), on the last entry of each transaction,
-- states every record row the transaction wrote: "table<TAB>key<TAB>state" lines, state null for a deleted row.
CREATE TABLE "auditLog" ("seq" INTEGER PRIMARY KEY, "recordedAt" TEXT NOT NULL, "actor" TEXT NOT NULL, "action" TEXT NOT NULL, "entity" TEXT NOT NULL, "entityId" TEXT NOT NULL, "vendorId" INTEGER, "change" TEXT NOT NULL, "prevHash" TEXT NOT NULL, "hash" TEXT NOT NULL, "rows" TEXT);

-- auditRun: one recorded audit run: when, by whom, as of which day, the policy digest, the report format, file and
-- SHA-256, the audit log head when the records were read, and counts by severity.
CREATE TABLE "auditRun" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "ranAt" TEXT NOT NULL, "actor" TEXT NOT NULL, "asOf" TEXT NOT NULL, "policyDigest" TEXT NOT NULL, "format" TEXT NOT NULL, "reportFile" TEXT, "reportSha256" TEXT, "logHeadSeq" INTEGER, "logHeadHash" TEXT, "info" INTEGER NOT NULL, "low" INTEGER NOT NULL, "medium" INTEGER NOT NULL, "high" INTEGER NOT NULL, "critical" INTEGER NOT NULL);

-- A vendor's certification claim. Dates are ISO 8601 days (TEXT); expiry is derived, never stored.
-- coveredVersions and augmentations are JSON arrays of strings; notes was added by v8-certification-notes;
-- claimKey (v10-certification-claim-keys, unique) is the claim's stable identity, kept by export and import.
CREATE TABLE "certification" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "vendorId" INTEGER NOT NULL REFERENCES "vendor"("id") ON DELETE RESTRICT, "productId" INTEGER REFERENCES "product"("id") ON DELETE RESTRICT, "coveredVersions" TEXT NOT NULL DEFAULT '[]', "scheme" TEXT NOT NULL, "level" TEXT, "augmentations" TEXT NOT NULL DEFAULT '[]', "auditPeriodStart" TEXT, "auditPeriodEnd" TEXT, "number" TEXT, "issuer" TEXT, "lab" TEXT, "scope" TEXT, "issuedOn" TEXT, "validUntil" TEXT, "status" TEXT NOT NULL, "createdAt" TEXT NOT NULL, "updatedAt" TEXT NOT NULL, "notes" TEXT, "claimKey" TEXT);

-- Dated status history of a certification (active, suspended, withdrawn, revoked) with reasons.
CREATE TABLE "certificationStatusChange" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "certificationId" INTEGER NOT NULL REFERENCES "certification"("id") ON DELETE CASCADE, "status" TEXT NOT NULL, "effectiveOn" TEXT NOT NULL, "reason" TEXT, "recordedAt" TEXT NOT NULL);

-- Deposits: what a bundle was when deposited (digest, counts, bytes); the bundle itself is not copied.
CREATE TABLE "escrowDeposit" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "offerId" INTEGER NOT NULL REFERENCES "escrowOffer"("id") ON DELETE RESTRICT, "label" TEXT, "sourcePath" TEXT NOT NULL, "algorithm" TEXT NOT NULL, "bundleDigest" TEXT NOT NULL, "files" INTEGER NOT NULL, "directories" INTEGER NOT NULL, "symlinks" INTEGER NOT NULL, "bytes" INTEGER NOT NULL, "strippedPrefix" TEXT, "findings" INTEGER NOT NULL, "manifestSha256" TEXT NOT NULL, "signerKeyId" INTEGER REFERENCES "vendorKey"("id") ON DELETE RESTRICT, "depositedAt" TEXT NOT NULL);

-- The canonical JSON manifest of each deposit (Schemas/manifest.schema.json), apart from the deposit row.
CREATE TABLE "escrowManifest" ("depositId" INTEGER PRIMARY KEY REFERENCES "escrowDeposit"("id") ON DELETE CASCADE, "body" BLOB NOT NULL);

-- Source-code escrow offers: kind is agent-deposit, regulator-review or customer-review.
CREATE TABLE "escrowOffer" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "vendorId" INTEGER NOT NULL REFERENCES "vendor"("id") ON DELETE RESTRICT, "kind" TEXT NOT NULL, "agent" TEXT, "terms" TEXT, "offeredOn" TEXT, "source" TEXT, "notes" TEXT, "createdAt" TEXT NOT NULL);

-- Verification runs of bundles against deposits: outcome passed, failed or error; summary is JSON counts.
CREATE TABLE "escrowVerification" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "depositId" INTEGER NOT NULL REFERENCES "escrowDeposit"("id") ON DELETE RESTRICT, "verifiedAt" TEXT NOT NULL, "actor" TEXT NOT NULL, "bundlePath" TEXT NOT NULL, "outcome" TEXT NOT NULL, "summary" TEXT, "error" TEXT, "signerKeyId" INTEGER REFERENCES "vendorKey"("id") ON DELETE RESTRICT, "toolVersion" TEXT NOT NULL);

-- Files attached to certifications, stored once by SHA-256 in <database>-evidence/sha256/ab/<hex>.
CREATE TABLE "evidence" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "certificationId" INTEGER NOT NULL REFERENCES "certification"("id") ON DELETE CASCADE, "sha256" TEXT NOT NULL, "size" INTEGER NOT NULL, "originalName" TEXT NOT NULL, "receivedAt" TEXT NOT NULL, "effectiveOn" TEXT, UNIQUE ("certificationId", "sha256"));

-- expectation: one binary an escrow deposit should build, with its evidence: kind, evidence file blob, signer,
-- strength, whether its sources are in the deposit (sourceLink), builder, remarks; rebuildRunId for Assay's own
-- rebuilds.
CREATE TABLE "expectation" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "depositId" INTEGER NOT NULL REFERENCES "escrowDeposit"("id") ON DELETE RESTRICT, "subjectName" TEXT NOT NULL, "subjectSha256" TEXT, "subjectDigests" TEXT NOT NULL, "contentDigest" TEXT, "contentManifestSha256" TEXT REFERENCES "storedBlob"("sha256") ON DELETE RESTRICT, "kind" TEXT NOT NULL, "evidenceSha256" TEXT REFERENCES "storedBlob"("sha256") ON DELETE RESTRICT, "signer" TEXT, "strength" TEXT NOT NULL, "sourceLink" TEXT NOT NULL, "sources" TEXT NOT NULL, "builder" TEXT, "remarks" TEXT NOT NULL, "rebuildRunId" INTEGER REFERENCES "rebuildRun"("id") ON DELETE RESTRICT, "recordedAt" TEXT NOT NULL);

-- Signed audit-log heads made by 'assay log checkpoint', added by v6-log-checkpoints: the signature (base64) by the
-- key with keyFingerprint covers "<format>\n<seq>\n<hash>\n<createdAt>\n". Not log entries themselves.
CREATE TABLE "logCheckpoint" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "format" TEXT NOT NULL, "seq" INTEGER NOT NULL, "hash" TEXT NOT NULL, "createdAt" TEXT NOT NULL, "actor" TEXT NOT NULL, "keyType" TEXT NOT NULL, "keyFingerprint" TEXT NOT NULL, "signature" TEXT NOT NULL);

-- Market-access events (listings, bans, restrictions, market exits, scandals), added by v4-market-access-events.
-- announcedOn, effectiveFrom and effectiveTo are partial dates (YYYY, YYYY-MM or YYYY-MM-DD), which sort as text;
-- effectiveTo is inclusive. appliesToAffiliates extends the event to the vendor's subtree in the affiliate tree.
CREATE TABLE "marketEvent" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "vendorId" INTEGER NOT NULL REFERENCES "vendor"("id") ON DELETE RESTRICT, "appliesToAffiliates" BOOLEAN NOT NULL, "jurisdiction" TEXT NOT NULL, "authority" TEXT, "type" TEXT NOT NULL, "program" TEXT, "scope" TEXT, "announcedOn" TEXT NOT NULL, "effectiveFrom" TEXT, "effectiveTo" TEXT, "status" TEXT NOT NULL, "sourceUrl" TEXT, "sourceRecordId" TEXT UNIQUE, "notes" TEXT, "createdAt" TEXT NOT NULL, "updatedAt" TEXT NOT NULL);

-- A vendor's product; versions is a JSON array of strings.
CREATE TABLE "product" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "vendorId" INTEGER NOT NULL REFERENCES "vendor"("id") ON DELETE CASCADE, "name" TEXT NOT NULL, "key" TEXT NOT NULL, "versions" TEXT NOT NULL DEFAULT '[]', UNIQUE ("vendorId", "key"));

-- rebuildArtifact: an artefact one rebuild attempt built: path, size and SHA-256 (the copy kept as a blob), content
-- digest and manifest blob for packages.
CREATE TABLE "rebuildArtifact" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "attemptId" INTEGER NOT NULL REFERENCES "rebuildAttempt"("id") ON DELETE RESTRICT, "path" TEXT NOT NULL, "size" INTEGER, "sha256" TEXT REFERENCES "storedBlob"("sha256") ON DELETE RESTRICT, "contentDigest" TEXT, "contentManifestSha256" TEXT REFERENCES "storedBlob"("sha256") ON DELETE RESTRICT);

-- rebuildAttempt: one build of an escrow rebuild run: folder, exit status, times and the build log kept as a blob.
CREATE TABLE "rebuildAttempt" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "runId" INTEGER NOT NULL REFERENCES "rebuildRun"("id") ON DELETE RESTRICT, "number" INTEGER NOT NULL, "folder" TEXT NOT NULL, "exitStatus" INTEGER NOT NULL, "logSha256" TEXT REFERENCES "storedBlob"("sha256") ON DELETE RESTRICT, "startedAt" TEXT NOT NULL, "finishedAt" TEXT NOT NULL, UNIQUE ("runId", "number"));

-- rebuildRun: an escrow rebuild of a deposit: command, clean environment, SOURCE_DATE_EPOCH, network isolation,
-- builder, and whether the attempts agreed.
CREATE TABLE "rebuildRun" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "depositId" INTEGER NOT NULL REFERENCES "escrowDeposit"("id") ON DELETE RESTRICT, "command" TEXT NOT NULL, "environment" TEXT NOT NULL, "sourceDateEpoch" INTEGER NOT NULL, "network" TEXT NOT NULL, "builder" TEXT NOT NULL, "succeeded" BOOLEAN NOT NULL, "reproducible" TEXT NOT NULL, "differingArtifacts" TEXT NOT NULL, "recordedAt" TEXT NOT NULL);

-- One row per registry file imported: registry (cc-portal, cmvp), path, the file's SHA-256, and what it changed.
CREATE TABLE "registryImport" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "registry" TEXT NOT NULL, "path" TEXT NOT NULL, "sha256" TEXT NOT NULL, "importedAt" TEXT NOT NULL, "rows" INTEGER NOT NULL, "added" INTEGER NOT NULL, "updated" INTEGER NOT NULL, "unchanged" INTEGER NOT NULL);

-- Public registry entries, kept beside vendors' claims: keyed by (registry, recordKey); vendorId is set only when
-- the manufacturer matched exactly one vendor or alias; contentHash tells unchanged re-imports from updates.
CREATE TABLE "registryRecord" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "registry" TEXT NOT NULL, "recordKey" TEXT NOT NULL, "manufacturer" TEXT NOT NULL, "vendorId" INTEGER REFERENCES "vendor"("id") ON DELETE SET NULL, "product" TEXT NOT NULL, "certificateNumber" TEXT, "category" TEXT, "scheme" TEXT, "level" TEXT, "certifiedOn" TEXT, "endsOn" TEXT, "status" TEXT NOT NULL, "url" TEXT, "contentHash" TEXT NOT NULL, "importId" INTEGER NOT NULL REFERENCES "registryImport"("id") ON DELETE RESTRICT, UNIQUE ("registry", "recordKey"));

-- rejectedEvidence: provenance evidence refused because its signature did not verify: the file kept as a blob, with the
-- reason.
CREATE TABLE "rejectedEvidence" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "depositId" INTEGER NOT NULL REFERENCES "escrowDeposit"("id") ON DELETE RESTRICT, "evidenceSha256" TEXT NOT NULL REFERENCES "storedBlob"("sha256") ON DELETE RESTRICT, "code" TEXT NOT NULL, "reason" TEXT NOT NULL, "rejectedAt" TEXT NOT NULL);

-- riskAcceptance (v11-risk-acceptances): a finding, by stable id, accepted as a risk from acceptedOn through until
-- (ISO days), with owner, reason and ticket; vendor, subject and severity as the latest recorded run gave them
-- (vendors by id and name without a foreign key). A revocation sets the four revoked* columns; rows are never
-- deleted.
CREATE TABLE "riskAcceptance" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "findingId" TEXT NOT NULL, "vendorId" INTEGER, "vendorName" TEXT, "subject" TEXT, "severity" TEXT NOT NULL, "owner" TEXT NOT NULL, "reason" TEXT NOT NULL, "ticket" TEXT, "acceptedOn" TEXT NOT NULL, "until" TEXT NOT NULL, "createdAt" TEXT NOT NULL, "actor" TEXT NOT NULL, "revokedOn" TEXT, "revokedAt" TEXT, "revokedBy" TEXT, "revokeReason" TEXT);

-- storedBlob: every file the binary-equivalence tables keep beside the database (sha256/ab/abcd... in the evidence
-- folder), with its size, so that log verify checks it is there.
CREATE TABLE "storedBlob" ("sha256" TEXT PRIMARY KEY NOT NULL, "size" INTEGER NOT NULL, "role" TEXT NOT NULL, "originalName" TEXT NOT NULL, "storedAt" TEXT NOT NULL);

-- Vendors; parentId builds the affiliate tree (cycles refused by the store).
CREATE TABLE "vendor" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL, "country" TEXT CHECK (LENGTH("country") = 2), "website" TEXT, "parentId" INTEGER REFERENCES "vendor"("id") ON DELETE RESTRICT, "parentLink" TEXT, "relationship" TEXT NOT NULL, "tier" INTEGER CHECK (("tier" >= 1) AND ("tier" <= 4)), "notes" TEXT, "createdAt" TEXT NOT NULL, "updatedAt" TEXT NOT NULL);

-- Legal identifiers (kind, value); LEIs are validated with ISO 17442 check digits.
CREATE TABLE "vendorIdentifier" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "vendorId" INTEGER NOT NULL REFERENCES "vendor"("id") ON DELETE CASCADE, "kind" TEXT NOT NULL, "value" TEXT NOT NULL, UNIQUE ("kind", "value"));

-- Vendors' public keys (PEM of the DER SubjectPublicKeyInfo) for signed manifests; fingerprint = SHA-256 of the DER.
CREATE TABLE "vendorKey" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "vendorId" INTEGER NOT NULL REFERENCES "vendor"("id") ON DELETE RESTRICT, "type" TEXT NOT NULL, "fingerprint" TEXT NOT NULL UNIQUE, "publicKey" TEXT NOT NULL, "label" TEXT, "addedAt" TEXT NOT NULL);

-- Primary names and aliases in one namespace; key = case-folded, NFC, whitespace-collapsed name.
CREATE TABLE "vendorName" ("key" TEXT PRIMARY KEY NOT NULL, "vendorId" INTEGER NOT NULL REFERENCES "vendor"("id") ON DELETE CASCADE, "name" TEXT NOT NULL, "isPrimary" BOOLEAN NOT NULL);

-- X.509 certificates registered as certifications of scheme x509: fingerprint = SHA-256 of the DER (unique),
-- names in RFC 2253 (UTF-8), validity instants in ISO 8601 UTC, weaknesses (weak digests, short keys) as text.
CREATE TABLE "x509Certificate" ("certificationId" INTEGER PRIMARY KEY REFERENCES "certification"("id") ON DELETE CASCADE, "fingerprint" TEXT NOT NULL UNIQUE, "subject" TEXT NOT NULL, "issuer" TEXT NOT NULL, "serialNumber" TEXT NOT NULL, "notBefore" TEXT NOT NULL, "notAfter" TEXT NOT NULL, "signatureAlgorithm" TEXT NOT NULL, "keyAlgorithm" TEXT NOT NULL, "keyBits" INTEGER, "dnsNames" TEXT NOT NULL, "weaknesses" TEXT NOT NULL, "sourceFile" TEXT NOT NULL);

CREATE INDEX "artifactVerdict_on_artifactId" ON "artifactVerdict"("artifactId");
CREATE INDEX "artifactVerdict_on_expectationId" ON "artifactVerdict"("expectationId");
CREATE INDEX "artifactVerdict_on_verificationId" ON "artifactVerdict"("verificationId");
CREATE INDEX "artifact_on_contentDigest" ON "artifact"("contentDigest");
CREATE INDEX "artifact_on_sha256" ON "artifact"("sha256");
CREATE INDEX "artifact_on_vendorId" ON "artifact"("vendorId");
CREATE TRIGGER "auditLog_append_only_delete" BEFORE DELETE ON "auditLog" BEGIN SELECT RAISE(ABORT, 'auditLog is append-only: entries cannot be changed or removed'); END;
CREATE TRIGGER "auditLog_append_only_update" BEFORE UPDATE ON "auditLog" BEGIN SELECT RAISE(ABORT, 'auditLog is append-only: entries cannot be changed or removed'); END;
CREATE INDEX "auditLog_on_vendorId" ON "auditLog"("vendorId");
CREATE INDEX "certificationStatusChange_on_certificationId" ON "certificationStatusChange"("certificationId");
CREATE UNIQUE INDEX "certification_on_claimKey" ON "certification"("claimKey");
CREATE INDEX "certification_on_productId" ON "certification"("productId");
CREATE INDEX "certification_on_scheme" ON "certification"("scheme");
CREATE INDEX "certification_on_validUntil" ON "certification"("validUntil");
CREATE INDEX "certification_on_vendorId" ON "certification"("vendorId");
CREATE INDEX "escrowDeposit_on_bundleDigest" ON "escrowDeposit"("bundleDigest");
CREATE INDEX "escrowDeposit_on_offerId" ON "escrowDeposit"("offerId");
CREATE INDEX "escrowDeposit_on_signerKeyId" ON "escrowDeposit"("signerKeyId");
CREATE INDEX "escrowOffer_on_vendorId" ON "escrowOffer"("vendorId");
CREATE INDEX "escrowVerification_on_depositId" ON "escrowVerification"("depositId");
CREATE INDEX "escrowVerification_on_signerKeyId" ON "escrowVerification"("signerKeyId");
CREATE INDEX "evidence_on_certificationId" ON "evidence"("certificationId");
CREATE INDEX "evidence_on_sha256" ON "evidence"("sha256");
CREATE INDEX "expectation_on_depositId" ON "expectation"("depositId");
CREATE INDEX "expectation_on_rebuildRunId" ON "expectation"("rebuildRunId");
CREATE INDEX "expectation_on_subjectSha256" ON "expectation"("subjectSha256");
CREATE TRIGGER "logCheckpoint_append_only_delete" BEFORE DELETE ON "logCheckpoint" BEGIN SELECT RAISE(ABORT, 'logCheckpoint is append-only: entries cannot be changed or removed'); END;
CREATE TRIGGER "logCheckpoint_append_only_update" BEFORE UPDATE ON "logCheckpoint" BEGIN SELECT RAISE(ABORT, 'logCheckpoint is append-only: entries cannot be changed or removed'); END;
CREATE INDEX "marketEvent_on_jurisdiction" ON "marketEvent"("jurisdiction");
CREATE INDEX "marketEvent_on_vendorId" ON "marketEvent"("vendorId");
CREATE INDEX "product_on_vendorId" ON "product"("vendorId");
CREATE INDEX "rebuildArtifact_on_attemptId" ON "rebuildArtifact"("attemptId");
CREATE INDEX "rebuildAttempt_on_runId" ON "rebuildAttempt"("runId");
CREATE INDEX "rebuildRun_on_depositId" ON "rebuildRun"("depositId");
CREATE INDEX "registryRecord_on_importId" ON "registryRecord"("importId");
CREATE INDEX "registryRecord_on_registry_certificateNumber" ON "registryRecord"("registry", "certificateNumber");
CREATE INDEX "registryRecord_on_vendorId" ON "registryRecord"("vendorId");
CREATE INDEX "rejectedEvidence_on_depositId" ON "rejectedEvidence"("depositId");
CREATE INDEX "riskAcceptance_on_findingId" ON "riskAcceptance"("findingId");
CREATE INDEX "vendorIdentifier_on_vendorId" ON "vendorIdentifier"("vendorId");
CREATE INDEX "vendorKey_on_vendorId" ON "vendorKey"("vendorId");
CREATE INDEX "vendorName_on_vendorId" ON "vendorName"("vendorId");
CREATE INDEX "vendor_on_parentId" ON "vendor"("parentId");
