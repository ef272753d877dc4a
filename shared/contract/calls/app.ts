import { call, none } from '../define'
import type { AppInfo } from '../views'

export const appCalls = {
  'app.info': call<AppInfo>()(none),
}
