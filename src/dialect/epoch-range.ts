/** epochRangeText is a range of seconds since 1970-01-01 00:00:00 UTC as the moments it spans, to the second: `1970-01-01 00:00:01..2038-01-19 03:14:07 UTC`. */
export function epochRangeText(min: string, max: string): string {
  const moment = (seconds: string) => new Date(Math.trunc(Number(seconds)) * 1000).toISOString().slice(0, 19).replace('T', ' ')
  return `${moment(min)}..${moment(max)} UTC`
}
