"""Pictures of the views: PNG or SVG through pyqtgraph's exporters (what the plots'
right-click Export… uses), PNG of any widget by Qt."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QIODevice

from ...core import DataError
from ...core.files.storage import write_atomically
from ..style.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "IMAGE_FILTER",
    "export_image",
    "export_view",
    "image_bytes",
    "install_svg_exporter",
    "report_images",
    "source_of",
]

#: The file dialog's choice of image formats.
IMAGE_FILTER = QT_TRANSLATE_NOOP("Exports", "PNG image (*.png);;SVG drawing (*.svg)")


def _svg_exporter():
    """pyqtgraph's SVG exporter, falling back to Qt's own SVG generator where pyqtgraph
    0.14.0 cannot read the paths Qt 6.10+ writes (pyqtgraph issues 3485 and 3495: every
    export fails with "not enough values to unpack"). Registered in place of pyqtgraph's,
    so that the plots' right-click Export… writes SVG too."""
    import pyqtgraph.exporters as exporters
    from pyqtgraph.exporters.Exporter import Exporter

    global SvgExporter
    if SvgExporter is not None:
        return SvgExporter

    class _SvgExporter(exporters.SVGExporter):
        def export(self, fileName=None, toBytes=False, copy=False):
            try:
                return super().export(fileName, toBytes=toBytes, copy=copy)
            except ValueError:
                if fileName is None and not toBytes:
                    raise
            return self._export_by_qt(fileName, toBytes)

        def _export_by_qt(self, fileName, toBytes):
            from PySide6.QtCore import QRectF, QSize
            from PySide6.QtGui import QPainter
            from PySide6.QtSvg import QSvgGenerator

            scene = self.getScene()
            source = self.getSourceRect()
            width, height = int(self.params["width"]), int(self.params["height"])
            buffer = QBuffer()
            buffer.open(QIODevice.WriteOnly)
            generator = QSvgGenerator()
            generator.setOutputDevice(buffer)
            generator.setSize(QSize(width, height))
            generator.setViewBox(QRectF(0, 0, width, height))
            generator.setTitle("logreg-gui")
            # The scene's fonts and pens are sized for the screen: draw at its resolution
            # (the generator's default, 72 dpi, shifts the axes against the data).
            generator.setResolution(round(scene.views()[0].logicalDpiX()))
            painter = QPainter(generator)
            painter.fillRect(QRectF(0, 0, width, height), self.params["background"])
            scene.render(painter, QRectF(0, 0, width, height), source)
            painter.end()
            content = bytes(buffer.data())
            if toBytes:
                return content
            with open(fileName, "wb") as handle:
                handle.write(content)
            return None

    Exporter.Exporters[:] = [
        _SvgExporter if e is exporters.SVGExporter else e for e in Exporter.Exporters
    ]
    SvgExporter = _SvgExporter
    return SvgExporter


#: pyqtgraph's SVG exporter, mended (made by :func:`_svg_exporter` on first use).
SvgExporter = None


def install_svg_exporter() -> None:
    """Put the mended SVG exporter into the plots' right-click Export… dialog."""
    _svg_exporter()


def source_of(view):
    """What to export of a view: the scene of its pyqtgraph ``graphics`` if it has one,
    else the view itself (a widget of tables: PNG only)."""
    graphics = getattr(view, "graphics", None)
    return view if graphics is None else graphics.scene()


def image_bytes(source, fmt="PNG", width=None) -> bytes:
    """A picture of a pyqtgraph scene (through pyqtgraph's exporter) or of a widget;
    ``width`` in pixels for a scene (None: as on screen)."""
    if hasattr(source, "items"):  # a QGraphicsScene
        import pyqtgraph.exporters as exporters

        exporter = exporters.ImageExporter(source)
        if width is not None:
            exporter.parameters()["width"] = int(width)
        image = exporter.export(toBytes=True)
    else:
        image = source.grab().toImage()
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, fmt)
    return bytes(buffer.data())


def export_image(source, path) -> None:
    """Write a picture of ``source`` (a pyqtgraph scene, or a widget for PNG) to ``path``:
    SVG when it ends with .svg, PNG otherwise; whole or not at all (the file that was there
    stays until the new one is complete). DataError if it cannot be written."""
    svg = str(path).lower().endswith(".svg")
    if svg and not hasattr(source, "items"):
        raise DataError(
            translate("Exports", "this view holds tables, not a plot: export it as PNG.")
        )
    content = _svg_exporter()(source).export(toBytes=True) if svg else image_bytes(source)
    if not content:
        raise DataError(
            translate("Exports", "{name} could not be written.").format(
                name=os.path.basename(str(path))
            )
        )
    write_atomically(path, bytes(content))


def export_view(view, path) -> None:
    """A picture of one of the window's views (drawn first if it waits, hidden)."""
    if hasattr(view, "refresh"):
        view.refresh()
    export_image(source_of(view), path)


def report_images(loss_plot, boundary) -> dict:
    """The PNG images a report holds: the loss plot and the decision boundary."""
    boundary.refresh()
    return {
        "loss_png": image_bytes(source_of(loss_plot), width=900),
        "boundary_png": image_bytes(source_of(boundary), width=700),
    }
