/**
 * Hostile strings fed to every free-text option, as flags and as prompt answers. Each must be
 * refused with a clear message, or emitted inertly (JSON-encoded in code, escaped in prose).
 */
export const hostileValues: readonly string[] = [
  `"`, `'`, '`', `\\`, `"; process.exit(1); "`, `'); process.exit(1); ('`, '`${process.exit(1)}`', '${1+1}',
  '*/ process.exit(1) /*', '// comment', '<!--', '-->', '</script><script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '<%= process.exit(1) %>', '<%- process.exit(1) %>', '{{constructor.constructor("x")()}}', '#{1+1}',
  'line\nbreak', 'carriage\rreturn', 'crlf\r\ninjected: true', 'tab\tseparated', 'nul\u0000byte', 'bell\u0007',
  'escape\u001b[31mred', 'del\u007f', '$(id)', '`id`', '; rm -rf /', '&& curl evil', '| cat /etc/passwd',
  '../x', '../../etc/passwd', '..\\..\\windows', '/etc/passwd', 'C:\\Windows\\System32', '~/.ssh/id_rsa', './.git/config',
  'rtl\u202eexe.txt', 'zero\u200bwidth', 'bom\ufeff', 'lri\u2066isolate\u2069', 'A'.repeat(201), 'a'.repeat(65),
  'x'.repeat(100_000), '', ' ', 'UPPERCASE', 'name with spaces', '@scope/pkg', 'node_modules', 'fs', '.hidden',
  '_private', 'emoji-🔥', 'ünïcödé', '%2e%2e%2f', 'a/../b', '__proto__', 'constructor', 'key: value\nother: 1',
  "--- !!js/function 'function(){}'", '\u2028line-separator', '\u2029paragraph-separator',
];
