const USER_ID = /^[0-9]{1,10}$/;

/** `user_id` as M4 accepts it: 1–10 ASCII digits (leading zeros allowed). */
export function isUserId(value: string | null | undefined): value is string {
  return value != null && USER_ID.test(value);
}
