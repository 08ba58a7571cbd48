/** The engine suite (./support/suite.ts) in Firefox ESR, over WebDriver BiDi. */
import { engineSuite } from './support/suite';
import { launchFirefoxSession } from './support/firefox';

engineSuite(launchFirefoxSession);
