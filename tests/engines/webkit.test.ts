/** The engine suite (./support/suite.ts) in WebKitGTK, Safari's engine, over classic WebDriver. */
import { engineSuite } from './support/suite';
import { launchWebKitSession } from './support/webkit';

engineSuite(launchWebKitSession);
