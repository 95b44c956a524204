export enum UserType {
  PLEX = 1,
  LOCAL = 2,
  JELLYFIN = 3,
  EMBY = 4,
}
