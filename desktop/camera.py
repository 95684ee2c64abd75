"""The document camera (高拍仪): preview, capture, and the image attached to a material.

A real camera is reached through QtMultimedia (``QCamera`` → ``QMediaCaptureSession`` with a
``QVideoWidget`` preview and a ``QImageCapture``); ``--camera-file IMAGE`` is a file source
that stands in for one (tests, demos). With neither, ``camera_available`` is False and the
cases page hides the action. The picture goes into the encrypted store through
``AttachmentService.add`` on the writer (audited, a new case version naming it, uploaded
by sync by its SHA-256).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.messages import for_exception
from intake.changes import Changes
from intake.views import CaseView


def camera_available(file_source: Path | None) -> bool:
    """Whether a capture can be offered: a file source, or a camera the system lists."""
    if file_source is not None:
        return True
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.videoInputs())


def _jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)  # type: ignore[call-overload]  # the stub says bytes; str works
    return bytes(data.data())


class CameraDialog(QDialog):
    """Choose the material, look at the preview, Enter captures and attaches; Esc backs out."""

    attached = Signal(object)  # the AttachmentInfo

    def __init__(
        self, ctx: AppContext, case: CaseView, file_source: Path | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = case
        self.file_source = file_source
        self.setWindowTitle(
            self.tr("Scan a material (高拍仪) — {number}").format(number=case.case_number)
        )
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(760, 560)
        self.material = QComboBox()
        for m in case.materials:
            self.material.addItem(m.name, m.material_id)
        self.status = QLabel(self.tr("Enter captures and attaches; Esc goes back."))
        self.preview: QWidget
        self._camera: Any = None
        self._image: QImage | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Material")))
        layout.addWidget(self.material)
        if file_source is not None:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumSize(640, 400)
            self.preview = label
            ctx.runner.background(lambda: file_source.read_bytes(), self._file_loaded, self._failed)
        else:
            self.preview = self._start_camera()
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Capture and attach (Enter)"))
        self.ok.setDefault(True)
        buttons.accepted.connect(self.capture)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.material.setFocus()

    def _start_camera(self) -> QWidget:
        from PySide6.QtMultimedia import (
            QCamera,
            QImageCapture,
            QMediaCaptureSession,
            QMediaDevices,
        )
        from PySide6.QtMultimediaWidgets import QVideoWidget

        video = QVideoWidget()
        video.setMinimumSize(640, 400)
        self._session = QMediaCaptureSession(self)
        self._camera = QCamera(QMediaDevices.defaultVideoInput(), self)
        self._capture = QImageCapture(self)
        self._session.setCamera(self._camera)
        self._session.setImageCapture(self._capture)
        self._session.setVideoOutput(video)
        self._capture.imageCaptured.connect(lambda _id, image: self._attach(_jpeg(image)))
        self._capture.errorOccurred.connect(lambda _id, _e, text: self.status.setText(text))
        self._camera.start()
        return video

    def _file_loaded(self, data: bytes) -> None:
        image = QImage.fromData(data)
        if image.isNull():
            self.status.setText(self.tr("The image source holds no picture."))
            self.ok.setEnabled(False)
            return
        self._image = image
        label = self.preview
        assert isinstance(label, QLabel)
        label.setPixmap(
            QPixmap.fromImage(image).scaled(
                640,
                400,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def capture(self) -> None:
        if self._camera is not None:
            self._capture.capture()
        elif self._image is not None:
            self._attach(_jpeg(self._image))

    def _attach(self, data: bytes) -> None:
        self.ok.setEnabled(False)
        self.status.setText(self.tr("Saving the picture…"))
        station, operator = self.ctx.station, self.ctx.operator_id
        case, material = self.case, self.material.currentData()
        name = f"{case.case_number}-{material}.jpg"

        def work() -> Any:
            return station.attachments.add(
                case.id,
                data,
                material_id=material,
                filename=name,
                mime="image/jpeg",
                operator=operator,
            )

        def done(info: Any) -> None:
            self.ctx.changed(Changes(cases=(case.case_number,), outbox=True))
            self.attached.emit(info)
            self.accept()

        self.ctx.runner.write(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.status.setText(for_exception(exc))

    def done(self, result: int) -> None:
        if self._camera is not None:
            self._camera.stop()
        super().done(result)
