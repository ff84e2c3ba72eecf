import { type Kysely, sql } from "kysely";

// Checkpoints on a cadence (docs/decisions/019-transparency-log.md): the roll-up appends lines
// at every run but signs a checkpoint only every TRANSPARENCY_CHECKPOINT_SECONDS, or at once when
// a log grows from empty or a removal (invalidation, withdrawal, erasure, restoration) is appended.
// The log's row remembers what its latest checkpoint covers and whether one is due at once.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table transparency_logs
      add column checkpoint_size bigint not null default 0,
      add column checkpointed_at timestamptz,
      add column checkpoint_due boolean not null default false;
    update transparency_logs l set checkpoint_size = c.size, checkpointed_at = c.created_at
    from (
      select distinct on (petition_id) petition_id, size, created_at
      from transparency_checkpoints order by petition_id, size desc
    ) c
    where c.petition_id = l.petition_id;
    update transparency_logs set checkpoint_due = true where size > checkpoint_size;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table transparency_logs drop column checkpoint_size, drop column checkpointed_at, drop column checkpoint_due;
  `.execute(db);
}
