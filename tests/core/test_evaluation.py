"""Evaluation numbers against sklearn.metrics computed independently here."""

import numpy as np
import pytest
from sklearn import metrics
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from logreg_gui.core.evaluation import evaluate


@pytest.mark.parametrize("loader", [load_breast_cancer, load_iris])
def test_metrics_equal_sklearn(loader):
    X, y = loader(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    model = LogisticRegression(C=0.05, max_iter=1000).fit(X, y)
    proba = model.predict_proba(X)
    k = proba.shape[1]
    ev = evaluate(y, proba, k)
    pred = model.predict(X)
    avg = dict(average="binary") if k == 2 else dict(average="macro")
    assert ev.accuracy == pytest.approx(metrics.accuracy_score(y, pred))
    assert ev.precision == pytest.approx(metrics.precision_score(y, pred, **avg))
    assert ev.recall == pytest.approx(metrics.recall_score(y, pred, **avg))
    assert ev.f1 == pytest.approx(metrics.f1_score(y, pred, **avg))
    assert ev.log_loss == pytest.approx(metrics.log_loss(y, proba))
    np.testing.assert_array_equal(ev.confusion, metrics.confusion_matrix(y, pred))
    np.testing.assert_allclose(ev.recall_per_class, metrics.recall_score(y, pred, average=None))
    if k == 2:
        assert ev.auc[0] == pytest.approx(metrics.roc_auc_score(y, proba[:, 1]))
    else:
        assert ev.macro_auc == pytest.approx(metrics.roc_auc_score(y, proba, multi_class="ovr"))
        for c in range(k):
            assert ev.auc[c] == pytest.approx(metrics.roc_auc_score(y == c, proba[:, c]))


def test_a_class_missing_from_the_data_is_nan_not_a_crash():
    y = np.array([0, 0, 1, 1])
    proba = np.array([[0.7, 0.2, 0.1], [0.5, 0.3, 0.2], [0.2, 0.6, 0.2], [0.3, 0.3, 0.4]])
    ev = evaluate(y, proba, 3)
    assert ev.confusion.shape == (3, 3)
    assert np.isnan(ev.recall_per_class[2]) and np.isnan(ev.auc[2]) and np.isnan(ev.macro_auc)
    assert ev.roc[2][0].size == 0
    assert ev.accuracy == pytest.approx(0.75)
