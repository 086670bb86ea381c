/**
 * Where the Debian packages put the browsers (scripts/ensure-browsers.sh installs them). Nothing
 * downloads a browser of its own: every driver is pointed at these binaries explicitly.
 */
export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/** Debian `webkit2gtk-driver`: the WebDriver server of WebKitGTK. */
export const WEBKIT_DRIVER_PATH = '/usr/bin/WebKitWebDriver';
/** The small WebKitGTK browser the driver starts (`--automation`); Debian `webkit2gtk-driver`. */
export const MINIBROWSER_PATH = `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/webkit2gtk-4.1/MiniBrowser`;
/** Debian `xvfb`: WebKitGTK has no headless mode, so it draws into a virtual X display. */
export const XVFB_PATH = '/usr/bin/Xvfb';
