import { Blacklist } from './entity/Blacklist';
import DiscoverSlider from './entity/DiscoverSlider';
import Issue from './entity/Issue';
import IssueComment from './entity/IssueComment';
import Media from './entity/Media';
import { MediaRequest } from './entity/MediaRequest';
import OverrideRule from './entity/OverrideRule';
import Season from './entity/Season';
import SeasonRequest from './entity/SeasonRequest';
import { Session } from './entity/Session';
import { User } from './entity/User';
import { UserPushSubscription } from './entity/UserPushSubscription';
import { UserSettings } from './entity/UserSettings';
import { Watchlist } from './entity/Watchlist';

/** jellyseerrEntities are the project's 14 entity classes (what its `server/entity/**` glob loads). */
export const jellyseerrEntities = [
  Blacklist, DiscoverSlider, Issue, IssueComment, Media, MediaRequest, OverrideRule, Season, SeasonRequest,
  Session, User, UserPushSubscription, UserSettings, Watchlist,
];
