// Routes under `/events` (the events service): client-side event collection lives here.
import type { RouteModule } from '../../context';
import collect from './collect';

export const eventsModules: RouteModule[] = [collect];
