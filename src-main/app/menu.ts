/** The native menu as a template (Electron's MenuItemConstructorOptions shape): standard roles and accelerators. */
export function menuTemplate(isMac: boolean, actions: { showAbout(): void }) {
  const about = { label: 'About Provider Desk', click: actions.showAbout };
  return [
    ...(isMac
      ? [
          {
            label: 'Provider Desk',
            submenu: [
              about,
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          },
        ]
      : [{ label: 'File', submenu: [{ role: 'quit' }] }]),
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: [{ role: 'minimize' }, { role: 'zoom' }, ...(isMac ? [{ role: 'front' }] : [{ role: 'close' }])],
    },
    { label: 'Help', submenu: isMac ? [{ label: 'Provider Desk Help', enabled: false }] : [about] },
  ];
}
