// A reminder (notice_remind) goes to the chat robots too: a delivery row carries the reminder it belongs to, or
// null for the notice itself. No foreign key: SQLite cannot drop a column that has one, and reminders are never
// deleted.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notice_delivery').addColumn('remind_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notice_delivery').dropColumn('remind_id').execute();
}
