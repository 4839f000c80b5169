"""Making the data the forms describe, off the GUI thread, and handing them to the session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from ...core import DataError, prepare_data
from ...core.errors import in_words
from ..session import RunState

__all__ = ["DataController", "DataRequest"]

#: Settings must rest this long before the data are remade (typing 150 passes 1 and 15).
DEBOUNCE_MS = 250


@dataclass(frozen=True, eq=False)
class DataRequest:
    """Data wanted for ``settings``, and what comes with them.

    split : the data already made for them (kept in a session file), or None to make them
    check : ``check(split)`` may refuse the data (raising DataError) before the session
        gets them
    then : called once the session has them
    note : said with them once they are in (what the settings of last time could not bring
        back)
    failure_title : the title of the dialog that says why they cannot be used ("" for the
        usual one)
    on_failure : called with the reason after a failure was reported (to start afresh)
    quiet : a failure is reported to whoever asked (the automation API), not in a dialog
    same_numbers : the data are those in the session with exactly the same numbers, made
        from other settings (turned into painted points): the runs stay
    """

    settings: object
    split: object = None
    check: Callable | None = None
    then: Callable | None = None
    note: str = ""
    failure_title: str = ""
    on_failure: Callable | None = None
    quiet: bool = False
    same_numbers: bool = False


class DataController(QObject):
    """Turns data requests into data, in the background.

    While a run exists, new settings from the forms never discard it silently: they are
    held, with the reason said (the session's ``"data"`` notice), until the person presses
    Train or Reset (:meth:`apply_held`). A result counts only if its request is still the
    one wanted when it arrives; the previous data stay until new ones are complete.

    Signals
    -------
    busyChanged(bool) : data are being made
    loaded(object) : the session has the data of this DataRequest
    failed(object, str) : the data of this DataRequest cannot be used (plain words); the
        session's data are unchanged
    """

    busyChanged = Signal(bool)
    loaded = Signal(object)
    failed = Signal(object, str)

    def __init__(self, session, jobs, parent=None):
        super().__init__(parent)
        self._session = session
        self._jobs = jobs
        self._wanted: DataRequest | None = None  # being made, or to make after the debounce
        self._held = None  # settings waiting for Train or Reset
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

    @property
    def wanted(self) -> DataRequest | None:
        """The request whose data are being made (or wait for the debounce), or None."""
        return self._wanted

    def request(self, settings) -> None:
        """The forms now describe ``settings`` (None: they have a problem)."""
        if settings is None:
            self.cancel()
            self._set_held(None)
            return
        if settings == self._session.data_settings and not self.busy:
            self._set_held(None)
            return
        if self._session.state is not RunState.NONE:
            self._set_held(settings)
            return
        first = self._session.data is None and not self._jobs.pending("data")
        self._wanted = DataRequest(settings)
        self.busyChanged.emit(True)
        if first:
            self._build()  # the first data: nothing to debounce
        else:
            self._timer.start()

    def cancel(self) -> None:
        """Stop making data; the data already loaded stay."""
        self._timer.stop()
        self._jobs.cancel("data")
        self._wanted = None
        self.busyChanged.emit(False)

    def load(self, request: DataRequest) -> None:
        """Make (or use) the data of ``request`` now, whatever runs exist (opening a session
        or a model file; the caller has ended the run). Data that cannot be made or are
        refused: ``failed`` says why, and the session is unchanged."""
        self._timer.stop()
        self._set_held(None)
        self._wanted = request
        if request.split is not None:
            self._jobs.cancel("data")
            self._built(request, request.split)
        else:
            self._build()

    def apply_held(self, then=None) -> bool:
        """Make the held settings' data now, then call ``then()``; False if none were held."""
        if self._held is None:
            return False
        request = DataRequest(self._held, then=then)
        self._set_held(None)
        self.load(request)
        return True

    def _set_held(self, settings):
        self._held = settings
        self._session.set_notice(
            "data",
            ""
            if settings is None
            else self.tr(
                "The data settings changed. The current run is kept: the new data are made "
                "when you press Train or Reset."
            ),
        )

    def _build(self):
        self._timer.stop()
        request = self._wanted
        if request is None:
            return
        self.busyChanged.emit(True)
        self._jobs.submit(
            "data",
            lambda cancel: prepare_data(request.settings, cancel=cancel),
            on_result=lambda split: self._built(request, split),
            on_error=lambda error: self._refused(request, error),
        )

    def _built(self, request, split):
        if request is not self._wanted:
            return  # an older request's data
        if request.check is not None:
            try:
                request.check(split)
            except DataError as error:
                self._refused(request, error)
                return
        self._wanted = None
        self._session.set_data(split, request.settings, same_numbers=request.same_numbers)
        self.busyChanged.emit(False)
        self.loaded.emit(request)
        if request.then is not None:
            request.then()

    def _refused(self, request, error):
        if request is self._wanted:
            self._wanted = None
        self.busyChanged.emit(False)
        self.failed.emit(request, in_words(error))
