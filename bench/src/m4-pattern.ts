import { Client } from '@planetscale/database';
import { taggedFetch } from './reference';

/**
 * M4's own reads for one `user_details_raw_get` call, as the public M2 source it grew from
 * (`api_controller.rb`, `mor_api.rb`, `confline.rb`, `manager_right.rb`) issues them through
 * ActiveRecord: `Confline.get_value` is one `… WHERE name = ? AND owner_id = ? LIMIT 1` per
 * setting (`Allow_API`, for a GET `Allow_GET_API`, `API_Secret_Key`,
 * `API_Disable_hash_checking`), then the requester by username, (a manager's group rights and
 * right names, counted as two), the target by id, and `XML_API_Extension` to pick the content
 * type. Each statement is sent after the previous one has answered; Rails' query cache removes
 * exact repeats, so none are counted.
 */
export type M4Variant = 'admin-post' | 'admin-get' | 'manager-post';

export const M4_STATEMENTS: Readonly<Record<M4Variant, number>> = {
  'admin-post': 6,
  'admin-get': 7,
  'manager-post': 8,
};

const CONFLINE =
  'SELECT `conflines`.* FROM `conflines` WHERE `conflines`.`name` = ? AND `conflines`.`owner_id` = ? LIMIT 1';
const USER_BY_USERNAME =
  'SELECT `users`.* FROM `users` WHERE `users`.`username` = ? ORDER BY `users`.`id` ASC LIMIT 1';
const USER_BY_ID = 'SELECT `users`.* FROM `users` WHERE `users`.`id` = ? LIMIT 1';
const GROUP_RIGHTS =
  'SELECT `manager_group_rights`.* FROM `manager_group_rights` WHERE `manager_group_rights`.`manager_group_id` = ?';
const RIGHT_NAMES =
  'SELECT `manager_rights`.* FROM `manager_rights` WHERE `manager_rights`.`id` IN (?)';

interface UserRow {
  id: number | string;
  usertype: string;
  manager_group_id: number | string | null;
}

/**
 * One simulated M4 request: a Client of its own, one connection, statements in sequence.
 * Returns the target's id (null when not found), so the caller can check the replay is real.
 */
export async function m4Request(
  gatewayUrl: string,
  requestId: string,
  variant: M4Variant,
  requester: string,
  targetId: string,
): Promise<string | null> {
  const connection = new Client({ url: gatewayUrl, fetch: taggedFetch(requestId) }).connection();
  const confline = (name: string) => connection.execute(CONFLINE, [name, 0]);
  await confline('Allow_API');
  if (variant === 'admin-get') await confline('Allow_GET_API');
  await confline('API_Secret_Key');
  await confline('API_Disable_hash_checking');
  const found = await connection.execute(USER_BY_USERNAME, [requester]);
  const user = found.rows[0] as UserRow | undefined;
  if (variant === 'manager-post') {
    const rights = await connection.execute(GROUP_RIGHTS, [user?.manager_group_id ?? 0]);
    const ids = (rights.rows as Array<{ manager_right_id: number | string }>).map(
      (r) => r.manager_right_id,
    );
    await connection.execute(RIGHT_NAMES, [ids.length > 0 ? ids : [0]]);
  }
  const target = await connection.execute(USER_BY_ID, [targetId]);
  await confline('XML_API_Extension');
  const row = target.rows[0] as UserRow | undefined;
  return row === undefined ? null : String(row.id);
}
