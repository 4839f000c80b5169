"""The application: the main window that lays out and wires the parts, its menus, keyboard
and zoom, the settings kept between starts, the automation API, and the exports."""
