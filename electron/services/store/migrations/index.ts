import type { Migration } from '../migrate'
import { m001Initial } from './001-initial'
import { m002PrintQueue } from './002-print-queue'
import { m003Sync } from './003-sync'
import { m004Staff } from './004-staff'
import { m005AuditChain } from './005-audit-chain'
import { m006Intake } from './006-intake'
import { m007StaffAuditChain } from './007-staff-audit-chain'
import { m008ErasablePersonalFields } from './008-erasable-personal-fields'
import { m009SyncAcksBySeq } from './009-sync-acks-by-seq'
import { m010ManifestImports } from './010-manifest-imports'

/** Every migration, in order. Append new ones; never edit a landed one. */
export const migrations: readonly Migration[] = [m001Initial, m002PrintQueue, m003Sync, m004Staff, m005AuditChain, m006Intake, m007StaffAuditChain, m008ErasablePersonalFields, m009SyncAcksBySeq, m010ManifestImports]
