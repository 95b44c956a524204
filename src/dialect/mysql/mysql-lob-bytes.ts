/** lobBytes is the largest length of each TEXT and BLOB type, in bytes. */
export const lobBytes: Readonly<Record<string, number>> = {
  tinytext: 255, text: 65535, mediumtext: 16777215, longtext: 4294967295,
  tinyblob: 255, blob: 65535, mediumblob: 16777215, longblob: 4294967295,
}
