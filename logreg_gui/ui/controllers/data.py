"""Making the data the forms describe, off the GUI thread, and handing them to the session."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ...core import DataError, prepare_data
from ..session import RunState

__all__ = ["DataController"]

#: Settings must rest this long before the data are remade (typing 150 passes 1 and 15).
DEBOUNCE_MS = 250


class DataController(QObject):
    """Turns data settings into data, in the background.

    While a run exists, new settings never discard it silently: they are held, with the
    reason said (``heldChanged``), until the person presses Train or Reset
    (:meth:`apply_held`). A result counts only if its settings are still the ones wanted
    when it arrives; the previous data stay until new ones are complete.

    Signals
    -------
    busyChanged(bool) : data are being made
    failed(str) : the settings or file cannot be used (plain words); the data are unchanged
    heldChanged(str) : why new settings wait ("" when none wait)
    """

    busyChanged = Signal(bool)
    failed = Signal(str)
    heldChanged = Signal(str)

    def __init__(self, session, jobs, parent=None):
        super().__init__(parent)
        self._session = session
        self._jobs = jobs
        self._wanted = None  # the settings being made (or to make after the debounce)
        self._held = None  # settings waiting for Train or Reset
        self._then = None  # what to do once the wanted data are in
        self._check = None  # what may refuse them first
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._build)

    @property
    def busy(self) -> bool:
        """True while data are being made or wait for the debounce."""
        return self._timer.isActive() or self._jobs.pending("data")

    @property
    def held(self):
        """Settings waiting for Train or Reset, or None."""
        return self._held

    def request(self, settings) -> None:
        """The forms now describe ``settings`` (None: they have a problem)."""
        if settings is None:
            self._timer.stop()
            self._jobs.cancel("data")
            self._wanted = None
            self._set_held(None)
            self.busyChanged.emit(False)
            return
        if settings == self._session.data_settings and not self.busy:
            self._set_held(None)
            return
        if self._session.state != RunState.NONE:
            self._set_held(settings)
            return
        self._wanted, self._check = settings, None
        self.busyChanged.emit(True)
        if self._session.data is None and not self._jobs.pending("data"):
            self._build()  # the first data: nothing to debounce
        else:
            self._timer.start()

    def cancel(self) -> None:
        """Stop making data; the data already loaded stay."""
        self._timer.stop()
        self._jobs.cancel("data")
        self._wanted, self._then, self._check = None, None, None
        self.busyChanged.emit(False)

    def load(self, settings, then=None, split=None, check=None) -> None:
        """Use ``settings`` now, whatever runs exist (opening a session or a model file; the
        caller has ended the run), then call ``then()``. ``split``: data already made for
        them (kept in the file); otherwise they are made in the background. ``check(split)``
        may refuse the data with a DataError before the session gets them. Data that cannot
        be made or are refused: ``failed`` says why, and the session is unchanged."""
        self._timer.stop()
        self._set_held(None)
        self._wanted, self._then, self._check = settings, then, check
        if split is not None:
            self._jobs.cancel("data")
            self._built(split, settings)
        else:
            self._build()

    def apply_held(self, then=None) -> bool:
        """Make the held settings' data now, then call ``then()``; False if none were held."""
        if self._held is None:
            return False
        self._wanted, self._then, self._check = self._held, then, None
        self._set_held(None)
        self._build()
        return True

    def _set_held(self, settings):
        self._held = settings
        self.heldChanged.emit(
            ""
            if settings is None
            else self.tr(
                "The data settings changed. The current run is kept: the new data are made "
                "when you press Train or Reset."
            )
        )

    def _build(self):
        self._timer.stop()
        settings = self._wanted
        if settings is None:
            return
        self.busyChanged.emit(True)
        self._jobs.submit(
            "data",
            lambda cancel: prepare_data(settings, cancel=cancel),
            on_result=lambda split: self._built(split, settings),
            on_error=self._refused,
        )

    def _built(self, split, settings):
        if settings != self._wanted:
            return  # an older request's data
        check, self._check = self._check, None
        if check is not None:
            try:
                check(split)
            except DataError as error:
                self._wanted = self._session.data_settings
                self._refused(error)
                return
        self._session.set_data(split, settings)
        self.busyChanged.emit(False)
        then, self._then = self._then, None
        if then is not None:
            then()

    def _refused(self, error):
        self._then = self._check = None
        self.busyChanged.emit(False)
        if isinstance(error, (DataError, ValueError, OSError)):
            message = str(error)
        elif isinstance(error, MemoryError):
            message = self.tr("there is not enough memory for these data.")
        else:
            message = self.tr("unexpected problem ({kind}: {error}).").format(
                kind=type(error).__name__, error=error
            )
        self.failed.emit(message)
