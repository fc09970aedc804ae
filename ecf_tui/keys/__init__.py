"""What the App's keys do, by whose keys they are. The App holds the moment (court,
state, mistake) and shows it; each module here is a mixin of the App for one group of
keys, with its actions, and asks the App only for what `host.Host` declares:

- `bindings`: every key the App binds, in the footer's order;
- `page`: the trainee's: the browser's F5 and F6, Log Out, the guide, the hint, the
  accounts, start over, the sources;
- `demo`: the demo's: its timer, Space, Right, Escape;
- `desk`: the help desk's: the desk panel, the scenario search, the palette, the state
  code, the transcript;
- `footer`: which of them do something now, and so show in the footer.

What the keys decide lives with its feature, without Textual: the attempt in
`training.session`, the demo's moves in `training.demo`, the desk's in
`helpdesk.session`."""
