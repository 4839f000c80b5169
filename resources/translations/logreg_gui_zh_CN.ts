<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisController</name>
    <message>
        <source>No optimum yet: some class has no training point.</source>
        <translation>尚无最优解：某个类别还没有训练点。</translation>
    </message>
    <message>
        <source>The optimum could not be computed.</source>
        <translation>无法计算最优值。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>logreg-gui met an unexpected problem (a bug) and carried on:
{kind}: {error}

If something looks wrong, save your session and start again. Please report this.</source>
        <translation>logreg-gui 遇到了一个意外的问题（程序错误），但仍在继续运行：
{kind}：{error}

如果有什么看起来不对，请保存会话后重新开始。请报告此问题。</translation>
    </message>
</context>
<context>
    <name>BoundaryView</name>
    <message>
        <source>What plane of feature space to draw. Two features: x = mean + u·e_x + v·e_y, every other feature held at its training mean. PCA projection: the plane of the first two principal components, x = mean + u·pc1 + v·pc2, samples projected onto it.</source>
        <translation>要绘制特征空间中的哪个平面。两个特征：x = 均值 + u·e_x + v·e_y，其他每个特征固定为其训练集均值。PCA 投影：前两个主成分构成的平面，x = 均值 + u·pc1 + v·pc2，样本投影到该平面上。</translation>
    </message>
    <message>
        <source>Two features</source>
        <translation>两个特征</translation>
    </message>
    <message>
        <source>PCA projection</source>
        <translation>PCA 投影</translation>
    </message>
    <message>
        <source>The feature along the horizontal axis (u = its value).</source>
        <translation>沿横轴的特征（u = 它的值）。</translation>
    </message>
    <message>
        <source>The feature along the vertical axis (v = its value).</source>
        <translation>沿纵轴的特征（v = 它的值）。</translation>
    </message>
    <message>
        <source>horizontal</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>vertical</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <source>Filled points: training samples; hollow: test samples (click one to explain its prediction). Background: the model&apos;s probabilities on this plane, P = 1 / (1 + exp(−z)) for two classes, softmax(z) for more, with z = w·x + b.</source>
        <translation>实心点：训练样本；空心点：测试样本（点击一个以解释其预测）。背景：模型在此平面上的概率，两个类别时 P = 1 / (1 + exp(−z))，更多类别时为 softmax(z)，其中 z = w·x + b。</translation>
    </message>
    <message>
        <source>Probability of the second class: P = 1 / (1 + exp(−z)), z = w·x + b.</source>
        <translation>第二个类别的概率：P = 1 / (1 + exp(−z))，z = w·x + b。</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>还没有数据。</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Paint training points with the mouse: a click adds one of the class chosen, a drag moves one, a right-click deletes one. Test points (hollow) are never painted: they stay the honest judge of the model. A run going on continues from its weights on the changed data.</source>
        <translation>用鼠标绘制训练点：单击添加一个所选类别的点，拖动可移动点，右键单击可删除点。测试点（空心）从不被绘制：它们始终是模型的公正裁判。正在进行的训练会从当前权重出发，在修改后的数据上继续。</translation>
    </message>
    <message>
        <source>The class of the training points a click adds.</source>
        <translation>单击时添加的训练点的类别。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last change of the points (Ctrl+Z).</source>
        <translation>撤销对点的最近一次修改（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo the change undone last (Ctrl+Shift+Z).</source>
        <translation>重做最近撤销的修改（Ctrl+Shift+Z）。</translation>
    </message>
    <message>
        <source>New canvas</source>
        <translation>新画布</translation>
    </message>
    <message>
        <source>Start again from an empty canvas (x1 and x2 from −1 to 1 at first): paint training points of each class, then train. Undo brings the points back.</source>
        <translation>从空白画布重新开始（x1 和 x2 起初为 −1 到 1）：为每个类别绘制训练点，然后训练。撤销可以找回原来的点。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Write the points as CSV: the two columns, the class and the part (train or test).</source>
        <translation>将这些点写成 CSV：两列坐标、类别和所属部分（train 或 test）。</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>原始列</translation>
    </message>
    <message>
        <source>Click a test sample (hollow) to see its prediction explained.</source>
        <translation>点击一个测试样本（空心点）查看其预测的解释。</translation>
    </message>
    <message>
        <source>Painting training points: click the plot to add one of the class chosen, drag one to move it, right-click one to delete it. Hollow test points are never painted.</source>
        <translation>正在绘制训练点：单击图表添加一个所选类别的点，拖动点可移动它，右键单击点可删除它。空心的测试点从不被绘制。</translation>
    </message>
    <message>
        <source>… {count} more classes</source>
        <translation>… 还有 {count} 个类别</translation>
    </message>
    <message>
        <source>hollow: test sample; ring: predicted class</source>
        <translation>空心：测试样本；圆环：预测类别</translation>
    </message>
    <message>
        <source>×: misclassified by the model</source>
        <translation>×：被模型分错的样本</translation>
    </message>
    <message>
        <source>No weights yet: train the model to see its decision boundary.</source>
        <translation>还没有权重：训练模型后即可看到决策边界。</translation>
    </message>
    <message>
        <source>Background: probability of {name} (white = 0.5); the black line is the decision boundary.</source>
        <translation>背景：{name} 的概率（白色 = 0.5）；黑线是决策边界。</translation>
    </message>
    <message>
        <source>Background: probability of {name} (white = 0.5, on the dashed line); the black line is the decision boundary at the threshold, where P({name}) = {threshold:.3f}.</source>
        <translation>背景：{name} 的概率（白色 = 0.5，在虚线上）；黑线是该阈值下的决策边界，即 P({name}) = {threshold:.3f} 处。</translation>
    </message>
    <message>
        <source>Background: the predicted class, paler where the model is less sure; black lines separate the classes.</source>
        <translation>背景：预测的类别，模型越不确定颜色越浅；黑线分隔各类别。</translation>
    </message>
    <message>
        <source>The background is a slice through the training mean: it holds every other direction at the mean, while each sample has its own values there. So a point can sit on the other colour and still be predicted right — its ring (test) and the × marks show what the full model predicts for it.</source>
        <translation>背景是穿过训练集均值的一个切片：它把其他所有方向都固定在均值上，而每个样本在这些方向上有自己的值。所以一个点可能落在另一种颜色上却仍被正确预测——它的圆环（测试样本）和 × 标记显示的是完整模型对它的预测。</translation>
    </message>
    <message>
        <source>Showing {drawn:,} of the {total:,} samples, a random sample with the same share of every class; the background and the lines are the model&apos;s, from all of them.</source>
        <translation>显示了 {total:,} 个样本中的 {drawn:,} 个，为按各类别相同比例抽取的随机样本；背景和线条来自模型，基于全部样本。</translation>
    </message>
    <message>
        <source>These weights do not fit the data shown.</source>
        <translation>这些权重与所显示的数据不匹配。</translation>
    </message>
    <message>
        <source>Test sample {index} ({name}) is ringed. Painting: click to add a training point, drag one to move it, right-click one to delete it.</source>
        <translation>测试样本 {index}（{name}）已圈出。绘制中：单击添加训练点，拖动可移动，右键单击可删除。</translation>
    </message>
    <message>
        <source>Test sample {index} ({name}) is ringed and shown in the prediction panel. Click another hollow point to choose it.</source>
        <translation>测试样本 {index}（{name}）已圈出，并显示在预测面板中。点击另一个空心点可选择它。</translation>
    </message>
    <message>
        <source>Training sample {index} ({name}): drag it to move it, right-click it to delete it.</source>
        <translation>训练样本 {index}（{name}）：拖动可移动它，右键单击可删除它。</translation>
    </message>
    <message>
        <source>Training sample {index} ({name}): the model learnt from it. Click a hollow test sample to see a prediction explained.</source>
        <translation>训练样本 {index}（{name}）：模型从它学习过。点击一个空心的测试样本查看预测的解释。</translation>
    </message>
    <message>
        <source>training sample {index}: {name}</source>
        <translation>训练样本 {index}：{name}</translation>
    </message>
    <message>
        <source>test sample {index}: {name} — click to explain</source>
        <translation>测试样本 {index}：{name} — 点击以解释</translation>
    </message>
</context>
<context>
    <name>CalibrationView</name>
    <message>
        <source>Bins of equal width in probability (0–0.1, 0.1–0.2, …), or bins holding equal numbers of samples.</source>
        <translation>概率上等宽的分箱（0–0.1、0.1–0.2、…），或每箱样本数相等的分箱。</translation>
    </message>
    <message>
        <source>bins of equal width</source>
        <translation>等宽分箱</translation>
    </message>
    <message>
        <source>bins of equal counts</source>
        <translation>等数量分箱</translation>
    </message>
    <message>
        <source>Each point: the samples given about the same probability (its x) and the share of them that truly are of the class (its y). On the dashed diagonal, a probability of 0.8 is right 8 times in 10.</source>
        <translation>每个点：被给出大致相同概率的样本（横坐标）以及其中真正属于该类别的比例（纵坐标）。在虚线对角线上，概率 0.8 意味着十次里对八次。</translation>
    </message>
    <message>
        <source>Test samples in</source>
        <translation>测试样本，</translation>
    </message>
    <message>
        <source>The reliability diagram is drawn for two classes.</source>
        <translation>可靠性图只对两个类别绘制。</translation>
    </message>
    <message>
        <source>Train a model: its test samples&apos; probabilities are judged here.</source>
        <translation>训练一个模型：这里评判它对测试样本给出的概率。</translation>
    </message>
    <message>
        <source>mean P({name}) of the bin</source>
        <translation>该箱的平均 P({name})</translation>
    </message>
    <message>
        <source>share truly {name}</source>
        <translation>真正为 {name} 的比例</translation>
    </message>
    <message>
        <source>{n} test samples in {bins} bins; Brier score {brier:.4f} (the mean of (P − y)², 0 is perfect, 0.25 is always saying 0.5). Farthest from the diagonal: samples given about {p:.2f} are {o:.2f} {name}.</source>
        <translation>{n} 个测试样本分在 {bins} 个箱里；Brier 分数 {brier:.4f}（(P − y)² 的平均值，0 为完美，0.25 相当于总说 0.5）。离对角线最远的是：被给出约 {p:.2f} 的样本中有 {o:.2f} 是 {name}。</translation>
    </message>
</context>
<context>
    <name>ComplexityController</name>
    <message>
        <source>The computation was cancelled.</source>
        <translation>计算已取消。</translation>
    </message>
    <message>
        <source>The complexity curve could not be computed: {reason}</source>
        <translation>无法计算复杂度曲线：{reason}</translation>
    </message>
    <message>
        <source>The data changed: press Compute for their curve.</source>
        <translation>数据已改变：按“计算”得到它们的曲线。</translation>
    </message>
</context>
<context>
    <name>ComplexityView</name>
    <message>
        <source>What the curve varies: the polynomial degree of the feature map, or the L2 penalty on a logarithmic axis.</source>
        <translation>曲线改变的量：特征映射的多项式次数，或对数坐标上的 L2 惩罚。</translation>
    </message>
    <message>
        <source>polynomial degree</source>
        <translation>多项式次数</translation>
    </message>
    <message>
        <source>L2 penalty (log scale)</source>
        <translation>L2 惩罚（对数坐标）</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Find the exact optimum at every point of the curve, in the background.</source>
        <translation>在后台求出曲线上每一点的精确最优解。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop computing the curve.</source>
        <translation>停止计算曲线。</translation>
    </message>
    <message>
        <source>cross-entropy (no L2 term)</source>
        <translation>交叉熵（不含 L2 项）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>lowest test loss</source>
        <translation>最低测试损失</translation>
    </message>
    <message>
        <source>the setting in use</source>
        <translation>当前使用的设置</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>{done} of {total} optima</source>
        <translation>已求出 {done}/{total} 个最优解</translation>
    </message>
    <message>
        <source>preparing the data…</source>
        <translation>正在准备数据…</translation>
    </message>
    <message>
        <source>underfitting</source>
        <translation>欠拟合</translation>
    </message>
    <message>
        <source>overfitting</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <source>now: L2 = {l2:.3g}</source>
        <translation>当前：L2 = {l2:.3g}</translation>
    </message>
    <message>
        <source>now: degree {degree}</source>
        <translation>当前：{degree} 次</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>还没有数据。</translation>
    </message>
    <message>
        <source>Computing the curve: the exact optimum at each point, one after the other.</source>
        <translation>正在计算曲线：逐个求出每一点的精确最优解。</translation>
    </message>
    <message>
        <source>Press Compute to find the best model at every polynomial degree from 1 to 10 (a few optima, in the background): the training and test losses show where the model underfits and where it overfits.</source>
        <translation>按“计算”求出多项式次数从 1 到 10 的每个最佳模型（几个最优解，在后台计算）：训练损失和测试损失会显示模型在哪里欠拟合、在哪里过拟合。</translation>
    </message>
    <message>
        <source>Press Compute to find the best model at every L2 penalty from 0.00001 to 10 on the features in use: a small penalty lets the model overfit, a large one makes it underfit.</source>
        <translation>按“计算”在当前特征上求出 L2 惩罚从 0.00001 到 10 的每个最佳模型：惩罚小会让模型过拟合，惩罚大会让它欠拟合。</translation>
    </message>
    <message>
        <source>The test loss is lowest at degree {degree} ({loss:.3f}, test accuracy {accuracy:.3f}).</source>
        <translation>测试损失在 {degree} 次时最低（{loss:.3f}，测试准确率 {accuracy:.3f}）。</translation>
    </message>
    <message>
        <source>The test loss is lowest at L2 = {l2:.3g} ({loss:.3f}, test accuracy {accuracy:.3f}).</source>
        <translation>测试损失在 L2 = {l2:.3g} 时最低（{loss:.3f}，测试准确率 {accuracy:.3f}）。</translation>
    </message>
    <message>
        <source>Up to degree {degree} both losses are high: underfitting (the model is too simple to follow the classes).</source>
        <translation>直到 {degree} 次，两种损失都很高：欠拟合（模型太简单，跟不上类别的形状）。</translation>
    </message>
    <message>
        <source>From L2 = {l2:.3g} up both losses are high: underfitting (the penalty keeps the weights too small).</source>
        <translation>从 L2 = {l2:.3g} 往上，两种损失都很高：欠拟合（惩罚让权重太小）。</translation>
    </message>
    <message>
        <source>From degree {first} the test loss rises (to {test:.3f} at degree {last}) while the training loss keeps falling (to {train:.3f}): overfitting.</source>
        <translation>从 {first} 次起，测试损失上升（{last} 次时升到 {test:.3f}），而训练损失继续下降（降到 {train:.3f}）：过拟合。</translation>
    </message>
    <message>
        <source>From L2 = {first:.3g} down the test loss rises (to {test:.3f} at L2 = {last:.3g}) while the training loss keeps falling (to {train:.3f}): overfitting.</source>
        <translation>从 L2 = {first:.3g} 往下，测试损失上升（L2 = {last:.3g} 时升到 {test:.3f}），而训练损失继续下降（降到 {train:.3f}）：过拟合。</translation>
    </message>
    <message>
        <source>No point is clearly worse than the best: neither underfitting nor overfitting shows on this curve.</source>
        <translation>没有哪一点明显比最佳点差：这条曲线上既看不出欠拟合，也看不出过拟合。</translation>
    </message>
    <message>
        <source>Each point is the exact optimum with L2 = {l2:.3g} instead of the 0 in use: with L2 = 0 there is no optimum once a degree separates the classes.</source>
        <translation>每一点都是 L2 = {l2:.3g}（而不是当前的 0）时的精确最优解：L2 = 0 时，一旦某个次数能把类别分开，就没有最优解。</translation>
    </message>
    <message>
        <source>Each point is the exact optimum with L2 = {l2:.3g}.</source>
        <translation>每一点都是 L2 = {l2:.3g} 时的精确最优解。</translation>
    </message>
    <message>
        <source>The other expansions chosen in the form (x², xᵢ·xⱼ, sin x) are kept at every degree.</source>
        <translation>表单中选择的其他扩展（x²、xᵢ·xⱼ、sin x）在每个次数下都保留。</translation>
    </message>
    <message>
        <source>Each point is the exact optimum on the {count} features in use.</source>
        <translation>每一点都是在当前 {count} 个特征上的精确最优解。</translation>
    </message>
    <message>
        <source>The L2 in use, 0, lies left of this logarithmic axis.</source>
        <translation>当前的 L2 为 0，位于这条对数坐标轴的左侧之外。</translation>
    </message>
    <message>
        <source>Losses are mean cross-entropy, without the L2 term, on {train} training and {test} test samples.</source>
        <translation>损失是平均交叉熵（不含 L2 项），在 {train} 个训练样本和 {test} 个测试样本上计算。</translation>
    </message>
    <message>
        <source>Each optimum is that of the weighted objective ({weights}); the losses shown are unweighted.</source>
        <translation>每个最优解都是加权目标函数（{weights}）的最优解；显示的损失不加权。</translation>
    </message>
</context>
<context>
    <name>Coordinator</name>
    <message>
        <source>The data cannot be used</source>
        <translation>无法使用这些数据</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>The runs of last time cannot be restored</source>
        <translation>无法恢复上次的运行</translation>
    </message>
    <message>
        <source>The training engine could not be prepared</source>
        <translation>无法准备训练引擎</translation>
    </message>
    <message>
        <source>The metrics could not be computed</source>
        <translation>无法计算评估指标</translation>
    </message>
    <message>
        <source>The runs of last time are back.</source>
        <translation>上次的运行已恢复。</translation>
    </message>
    <message>
        <source>Data ready; Train waits: {reason}</source>
        <translation>数据已就绪；训练需等待：{reason}</translation>
    </message>
    <message>
        <source>Data ready: press Train.</source>
        <translation>数据已就绪：请按“训练”。</translation>
    </message>
    <message>
        <source>Preparing the data…</source>
        <translation>正在准备数据…</translation>
    </message>
    <message>
        <source>The previous data stay loaded.</source>
        <translation>之前的数据仍然保留。</translation>
    </message>
    <message>
        <source>A computation failed</source>
        <translation>一项计算失败了</translation>
    </message>
    <message>
        <source>Reading the first rows of {name}…</source>
        <translation>正在读取 {name} 的前几行…</translation>
    </message>
    <message>
        <source>fix the settings marked in red.</source>
        <translation>请修正标为红色的设置。</translation>
    </message>
    <message>
        <source>the data are being prepared.</source>
        <translation>正在准备数据。</translation>
    </message>
    <message>
        <source>paint a training point of each class first (class {label} has none yet).</source>
        <translation>请先为每个类别绘制一个训练点（类别 {label} 还没有）。</translation>
    </message>
    <message>
        <source>paint a training point of each class first (classes {labels} have none yet).</source>
        <translation>请先为每个类别绘制一个训练点（类别 {labels} 还没有）。</translation>
    </message>
    <message>
        <source>Preparing the training engine: it is compiled once after installing, which takes a few seconds; training starts as soon as it is ready.</source>
        <translation>正在准备训练引擎：安装后只需编译一次，需要几秒钟；准备好后立即开始训练。</translation>
    </message>
    <message>
        <source>The blog&apos;s code knows two classes only; these data have {count}: the run starts without it.</source>
        <translation>博客的代码只能处理两个类别;这些数据有 {count} 个类别:这次运行不带博客代码。</translation>
    </message>
    <message>
        <source>The penalty is now {kind} with α = {alpha:.4g}: press Train.</source>
        <translation>惩罚现在是 {kind}，α = {alpha:.4g}：请按“训练”。</translation>
    </message>
    <message>
        <source>elastic net</source>
        <translation>弹性网</translation>
    </message>
    <message>
        <source>A new run starts from the point clicked: press Step to see its first epoch, or Resume.</source>
        <translation>新的运行从点击的位置开始：按“单步”查看它的第一轮，或按“继续”。</translation>
    </message>
    <message>
        <source>Racing {solvers} from the same initial weights (seed {seed}).</source>
        <translation>从相同的初始权重开始竞赛：{solvers}（种子 {seed}）。</translation>
    </message>
    <message>
        <source>Blog mode: the next run also runs the blog&apos;s code as written (its gradient divided by the number of features, no standardisation), beside the correct one from the same weights. Press Train.</source>
        <translation>博客模式:下一次运行会按原样同时运行博客的代码(梯度除以特征数,不做标准化),从同样的权重出发,与正确的运行并排。请按“训练”。</translation>
    </message>
    <message>
        <source>Blog mode is off: the next run is the correct one alone.</source>
        <translation>博客模式已关闭:下一次只运行正确的代码。</translation>
    </message>
    <message>
        <source>Reset: the next run starts from new weights (seed {seed}).</source>
        <translation>重置：下一次运行从新的权重开始（种子 {seed}）。</translation>
    </message>
    <message>
        <source>Settings changed — Train to apply: what is drawn is of the run shown, with the settings it used.</source>
        <translation>设置已更改 — 按“训练”以应用：图中所绘是当前显示的运行及其所用的设置。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Paused: Step runs one epoch; the learning rate may be changed (press Enter).</source>
        <translation>已暂停：“单步”运行一轮；可以修改学习率（按回车）。</translation>
    </message>
    <message>
        <source>Training {message}</source>
        <translation>训练{message}</translation>
    </message>
    <message>
        <source>Training diverged</source>
        <translation>训练发散</translation>
    </message>
    <message>
        <source>Session saved to {path}.</source>
        <translation>会话已保存到 {path}。</translation>
    </message>
    <message>
        <source>The session cannot be saved</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Saving the session to {path}…</source>
        <translation>正在把会话保存到 {path}…</translation>
    </message>
    <message>
        <source>Model (the weights after epoch {epoch:,}) saved to {path}.</source>
        <translation>模型（第 {epoch:,} 轮后的权重）已保存到 {path}。</translation>
    </message>
    <message>
        <source>Session {name} opened.</source>
        <translation>已打开会话 {name}。</translation>
    </message>
    <message>
        <source>The session cannot be opened</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>The work cannot be restored</source>
        <translation>无法恢复之前的工作</translation>
    </message>
    <message>
        <source>The model cannot be opened</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Opening {name} was cancelled; everything stays as it was.</source>
        <translation>已取消打开 {name}；一切保持原样。</translation>
    </message>
    <message>
        <source>opening it was cancelled.</source>
        <translation>打开已被取消。</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>{rows:,} predictions written to {path}.</source>
        <translation>已将 {rows:,} 条预测写入 {path}。</translation>
    </message>
</context>
<context>
    <name>CrossValidationView</name>
    <message>
        <source>How many parts the training samples are cut into: each is judged once.</source>
        <translation>把训练样本分成几份：每份各被评判一次。</translation>
    </message>
    <message>
        <source>Cross-validating…</source>
        <translation>正在交叉验证…</translation>
    </message>
    <message>
        <source>Press Compute to cut the training samples into k parts and train k models, each judged on the part it did not see. The preprocessing (standardisation, feature map) is fitted again inside each fold, never on the part it is judged on: no data leakage. The test samples are not used.</source>
        <translation>按“计算”把训练样本分成 k 份，训练 k 个模型，每个模型都在它没见过的那一份上评判。预处理（标准化、特征映射）在每一折内重新拟合，绝不在用来评判的那一份上拟合：没有数据泄露。测试样本不参与。</translation>
    </message>
    <message>
        <source>fold {i}</source>
        <translation>第 {i} 折</translation>
    </message>
    <message>
        <source>mean ± sd</source>
        <translation>平均 ± 标准差</translation>
    </message>
    <message>
        <source>{k}-fold cross-validation repeated {r} times</source>
        <translation>重复 {r} 次的 {k} 折交叉验证</translation>
    </message>
    <message>
        <source>{k}-fold cross-validation</source>
        <translation>{k} 折交叉验证</translation>
    </message>
    <message>
        <source>{how} of the training part: accuracy {accuracy:.3f} ± {sd:.3f}, on folds the models never saw (the preprocessing refitted in each). The mean ± sd says how much the score depends on which samples are held out.</source>
        <translation>在训练部分上做{how}：准确率 {accuracy:.3f} ± {sd:.3f}，在模型从未见过的折上评判（每折内重新拟合预处理）。平均 ± 标准差说明分数在多大程度上取决于留出哪些样本。</translation>
    </message>
</context>
<context>
    <name>DataController</name>
    <message>
        <source>The data settings changed. The current run is kept: the new data are made when you press Train or Reset.</source>
        <translation>数据设置已更改。当前运行被保留：按“训练”或“重置”时才会生成新数据。</translation>
    </message>
</context>
<context>
    <name>DataForm</name>
    <message>
        <source>Generated (make_classification)</source>
        <translation>生成（make_classification）</translation>
    </message>
    <message>
        <source>Painted points — 2-D</source>
        <translation>绘制的点 — 二维</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Where the data come from: generated by scikit-learn&apos;s make_classification, a two-dimensional set with columns x1 and x2 (two blobs, moons, circles, XOR or two spirals: a straight boundary separates only the blobs), points painted in the Boundary tab, a dataset shipped with scikit-learn, or a file of yours.</source>
        <translation>数据来源：由 scikit-learn 的 make_classification 生成；一个二维数据集，列为 x1 和 x2（两团点、月牙、同心圆、异或或双螺旋：只有两团点能被直线边界分开）；在“决策边界”标签页中绘制的点；scikit-learn 自带的数据集；或你自己的文件。</translation>
    </message>
    <message>
        <source>no file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Open a data file: CSV, TSV or whitespace-separated text with a header row, Excel .xlsx or Parquet.</source>
        <translation>打开数据文件：带表头行的 CSV、TSV 或空白分隔的文本、Excel .xlsx 或 Parquet。</translation>
    </message>
    <message>
        <source>Points are painted in the Boundary tab (Paint): a click adds a training point, a drag moves one, a right-click deletes one.</source>
        <translation>在“决策边界”标签页中绘制点（绘制）：单击添加训练点，拖动移动点，右键单击删除点。</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>列…</translation>
    </message>
    <message>
        <source>See the file&apos;s columns again, choose the target and which columns to use.</source>
        <translation>再次查看文件的列，选择目标列和要使用的列。</translation>
    </message>
    <message>
        <source>Number of samples make_classification generates (n_samples).</source>
        <translation>make_classification 生成的样本数（n_samples）。</translation>
    </message>
    <message>
        <source>Number of features of each sample (n_features) = informative + redundant + repeated + pure noise.</source>
        <translation>每个样本的特征数（n_features）= 信息特征 + 冗余特征 + 重复特征 + 纯噪声。</translation>
    </message>
    <message>
        <source>Features that carry the class signal (n_informative).</source>
        <translation>携带类别信号的特征（n_informative）。</translation>
    </message>
    <message>
        <source>Features that are random linear combinations of the informative ones (n_redundant).</source>
        <translation>由信息特征随机线性组合而成的特征（n_redundant）。</translation>
    </message>
    <message>
        <source>Number of classes (n_classes). Two classes use a sigmoid, more use a softmax.</source>
        <translation>类别数（n_classes）。两个类别用 sigmoid，更多类别用 softmax。</translation>
    </message>
    <message>
        <source>Distance between the class clusters (class_sep), &gt; 0: larger is easier to separate.</source>
        <translation>类别簇之间的距离（class_sep），&gt; 0：越大越容易分开。</translation>
    </message>
    <message>
        <source>Label noise (flip_y): the fraction of samples whose class is assigned at random.</source>
        <translation>标签噪声（flip_y）：类别被随机指定的样本比例。</translation>
    </message>
    <message>
        <source>Number of samples of the two-dimensional set, at least 10: half of them in each class (class 0 has the odd one).</source>
        <translation>二维数据集的样本数，至少 10：每个类别各占一半（多出的一个归类别 0）。</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian noise added to x1 and x2, from 0 to 10 (the sets span about −1 to 1); for the two blobs, their spread around their centres. Empty: the set&apos;s own default.</source>
        <translation>加到 x1 和 x2 上的高斯噪声的标准差，从 0 到 10（数据集的范围大约是 −1 到 1）；对两个团块而言，是它们围绕中心的散布。留空：使用该数据集自己的默认值。</translation>
    </message>
    <message>
        <source>The share of class 1 among the samples, between 0 and 1: 0.05 makes it rare (an imbalanced set, where accuracy misleads). Empty: half and half.</source>
        <translation>类别 1 在样本中所占的比例，介于 0 和 1 之间：0.05 会让它很稀少（不平衡的数据集，这时准确率会误导人）。留空：各占一半。</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>平衡</translation>
    </message>
    <message>
        <source>Fraction of the samples held out for testing (test_size); the model never trains on them.</source>
        <translation>留作测试集的样本比例（test_size）；模型从不在这些样本上训练。</translation>
    </message>
    <message>
        <source>Random seed for generating and splitting the data and for the initial weights: the same seed gives the same run.</source>
        <translation>生成和划分数据以及初始权重所用的随机种子：相同的种子得到相同的运行。</translation>
    </message>
    <message>
        <source>Standardise features</source>
        <translation>标准化特征</translation>
    </message>
    <message>
        <source>Scale every feature to mean 0 and variance 1: x&apos; = (x − mean) / std, with mean and std of the training part only (no leak from the test part).</source>
        <translation>把每个特征缩放到均值 0、方差 1：x&apos; = (x − 均值) / 标准差，均值和标准差只取自训练集（测试集不会发生数据泄露）。</translation>
    </message>
    <message>
        <source>The number type the data are trained in: float64 (exact to 16 digits) or float32 (half the memory, faster on large data; the weights stay float64).</source>
        <translation>训练时数据的数值类型：float64（精确到 16 位）或 float32（内存减半，大数据上更快；权重仍为 float64）。</translation>
    </message>
    <message>
        <source>float32 (half the memory)</source>
        <translation>float32（内存减半）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征数</translation>
    </message>
    <message>
        <source>Informative</source>
        <translation>信息特征</translation>
    </message>
    <message>
        <source>Redundant</source>
        <translation>冗余特征</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Class separation</source>
        <translation>类别间隔</translation>
    </message>
    <message>
        <source>Label noise</source>
        <translation>标签噪声</translation>
    </message>
    <message>
        <source>Class share</source>
        <translation>类别比例</translation>
    </message>
    <message>
        <source>Test size</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>the share of the last class</source>
        <translation>最后一个类别的比例</translation>
    </message>
    <message>
        <source>The share of the last class among the samples, between 0 and 1 (the other classes share the rest evenly): 0.05 makes it rare — an imbalanced set, where accuracy misleads. Empty: balanced classes.</source>
        <translation>最后一个类别在样本中所占的比例，介于 0 和 1 之间（其余类别平分剩下的部分）：0.05 会让它很稀少——不平衡的数据集，这时准确率会误导人。留空：各类别平衡。</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Number type</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <source>Feature map</source>
        <translation>特征映射</translation>
    </message>
    <message>
        <source>{dataset} — scikit-learn</source>
        <translation>{dataset} — scikit-learn</translation>
    </message>
    <message>
        <source>{shape} — 2-D</source>
        <translation>{shape} — 二维</translation>
    </message>
    <message>
        <source>default {noise:g}</source>
        <translation>默认 {noise:g}</translation>
    </message>
    <message>
        <source>none yet: an empty canvas. Paint them in the Boundary tab.</source>
        <translation>还没有：空白画布。请在“决策边界”标签页中绘制。</translation>
    </message>
    <message>
        <source>class {label}: {train:,} training, {test:,} test</source>
        <translation>类别 {label}：训练 {train:,} 个，测试 {test:,} 个</translation>
    </message>
    <message>
        <source>{shares}. Paint them in the Boundary tab.</source>
        <translation>{shares}。请在“决策边界”标签页中绘制。</translation>
    </message>
    <message>
        <source>{target} cut at the training median</source>
        <translation>{target} 在训练集中位数处切分</translation>
    </message>
    <message>
        <source>{target} cut at {threshold:g}</source>
        <translation>{target} 在 {threshold:g} 处切分</translation>
    </message>
    <message>
        <source>{count} column left out by choice</source>
        <translation>按选择排除了 {count} 列</translation>
    </message>
    <message>
        <source>{count} columns left out by choice</source>
        <translation>按选择排除了 {count} 列</translation>
    </message>
    <message>
        <source>a test size of {test:g} leaves too few of the {n} samples to train on.</source>
        <translation>测试集比例 {test:g} 使 {n} 个样本中留给训练的太少。</translation>
    </message>
    <message>
        <source>choose a data file.</source>
        <translation>请选择一个数据文件。</translation>
    </message>
</context>
<context>
    <name>DataSummary</name>
    <message>
        <source>{train:,} training and {test:,} test samples (stratified), {features} features, {classes} classes; standardised on the training part.</source>
        <translation>{train:,} 个训练样本和 {test:,} 个测试样本（分层），{features} 个特征，{classes} 个类别；在训练集上标准化。</translation>
    </message>
    <message>
        <source>{train:,} training and {test:,} test samples (stratified), {features} features, {classes} classes; not standardised.</source>
        <translation>{train:,} 个训练样本和 {test:,} 个测试样本（分层），{features} 个特征，{classes} 个类别；未标准化。</translation>
    </message>
    <message>
        <source>{train:,} training and {test:,} test samples, {features} features, {classes} classes; standardised on the training part.</source>
        <translation>{train:,} 个训练样本和 {test:,} 个测试样本，{features} 个特征，{classes} 个类别；在训练集上标准化。</translation>
    </message>
    <message>
        <source>{train:,} training and {test:,} test samples, {features} features, {classes} classes; not standardised.</source>
        <translation>{train:,} 个训练样本和 {test:,} 个测试样本，{features} 个特征，{classes} 个类别；未标准化。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Data:&lt;/b&gt; {source}.</source>
        <translation>&lt;b&gt;数据：&lt;/b&gt;{source}。</translation>
    </message>
    <message>
        <source>Feature map: {count} more features made of the {inputs} numeric columns ({names}). The model stays linear in its features: its boundary is straight in their space, and curved in the plane of the columns.</source>
        <translation>特征映射：由 {inputs} 个数值列另外生成了 {count} 个特征（{names}）。模型对它的特征仍是线性的：其边界在特征空间中是直的，在原始列的平面上是弯曲的。</translation>
    </message>
</context>
<context>
    <name>DockTitle</name>
    <message>
        <source>Float this panel, or dock it again</source>
        <translation>让这个面板浮动,或重新停靠</translation>
    </message>
    <message>
        <source>Close this panel</source>
        <translation>关闭这个面板</translation>
    </message>
</context>
<context>
    <name>EpochScrubber</name>
    <message>
        <source>◀ Step back</source>
        <translation>◀ 后退一轮</translation>
    </message>
    <message>
        <source>Show the epoch before the one shown (pauses training). Every view shows that epoch; Train, Step or Resume then continue from its weights, and the run as it was stays on the loss plot for comparison. (Ctrl+Left)</source>
        <translation>显示当前所示轮次的前一轮（会暂停训练）。所有视图都显示那一轮；之后按“训练”“单步”或“继续”会从它的权重继续，原来的运行保留在损失图上以便比较。（Ctrl+Left）</translation>
    </message>
    <message>
        <source>Drag to show any earlier epoch of the run (every view follows). At the right end the views follow training again.</source>
        <translation>拖动以显示本次运行中任意较早的一轮（所有视图随之变化）。拖到最右端时视图重新跟随训练。</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>Show the latest epoch again.</source>
        <translation>重新显示最新的一轮。</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>还没有运行</translation>
    </message>
    <message>
        <source>epoch {epoch:,} (latest)</source>
        <translation>第 {epoch:,} 轮（最新）</translation>
    </message>
    <message>
        <source>epoch {epoch:,} (shown)</source>
        <translation>第 {epoch:,} 轮（显示中）</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Fraction of samples predicted right: (TP + TN) / all.</source>
        <translation>预测正确的样本比例：(TP + TN) / 全部。</translation>
    </message>
    <message>
        <source>Balanced accuracy</source>
        <translation>平衡准确率</translation>
    </message>
    <message>
        <source>The mean of every class&apos;s recall: always predicting the largest class scores 1 / (number of classes), however rare the others are.</source>
        <translation>各类别召回率的平均值：总是预测最大的类别只能得到 1 /（类别数），无论其他类别多么稀少。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Of the samples predicted as a class, the fraction that truly are: TP / (TP + FP).</source>
        <translation>被预测为某类别的样本中，真正属于该类别的比例：TP / (TP + FP)。</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Of the samples of a class, the fraction found: TP / (TP + FN).</source>
        <translation>某类别的样本中被找出的比例：TP / (TP + FN)。</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Harmonic mean of precision and recall: 2·P·R / (P + R).</source>
        <translation>精确率和召回率的调和平均：2·P·R / (P + R)。</translation>
    </message>
    <message>
        <source>Log-loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <source>Area under the ROC curve: the chance that a random positive sample scores above a random negative one (one-vs-rest, macro average, for more than two classes).</source>
        <translation>ROC 曲线下面积：随机一个正样本的得分高于随机一个负样本的概率（多于两个类别时为一对其余的宏平均）。</translation>
    </message>
    <message>
        <source>Train a model to see how good it is.</source>
        <translation>训练一个模型来看看它有多好。</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Metrics computed with sklearn.metrics; hover a row name for its formula.</source>
        <translation>指标由 sklearn.metrics 计算；将鼠标悬停在行名上可查看其公式。</translation>
    </message>
    <message>
        <source>Show the confusion matrix and ROC curves of the test or the training samples.</source>
        <translation>显示测试样本或训练样本的混淆矩阵和 ROC 曲线。</translation>
    </message>
    <message>
        <source>test samples</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>training samples</source>
        <translation>训练样本</translation>
    </message>
    <message>
        <source>Confusion matrix: row = true class, column = predicted class; counts, and each row&apos;s recall. Shading: the fraction of the row.</source>
        <translation>混淆矩阵：行 = 真实类别，列 = 预测类别；显示计数和每行的召回率。底色：占该行的比例。</translation>
    </message>
    <message>
        <source>ROC curve: true-positive rate against false-positive rate as the decision threshold moves; the diagonal is guessing.</source>
        <translation>ROC 曲线：随着决策阈值移动，真正例率相对于假正例率的变化；对角线表示随机猜测。</translation>
    </message>
    <message>
        <source>false-positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <source>true-positive rate</source>
        <translation>真正例率</translation>
    </message>
    <message>
        <source>Precision–recall curve of two classes: as the threshold falls, recall grows and precision usually drops. The dot is the threshold in use; the dashed line is the share of positives (what guessing achieves).</source>
        <translation>两类的精确率–召回率曲线：阈值降低时，召回率上升，精确率通常下降。圆点是当前使用的阈值；虚线是正类所占比例（随机猜测能达到的水平）。</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Confusion matrix and ROC of</source>
        <translation>混淆矩阵和 ROC 曲线所用：</translation>
    </message>
    <message>
        <source>This model</source>
        <translation>当前模型</translation>
    </message>
    <message>
        <source>Train a model to see how good it is (refreshed when training ends, pauses or steps).</source>
        <translation>训练一个模型来看看它有多好（在训练结束、暂停或单步时刷新）。</translation>
    </message>
    <message>
        <source>Metrics computed with sklearn.metrics, unweighted: every sample counts 1, although the training loss weighs the samples by their class (class weights). Hover a row name for its formula.</source>
        <translation>指标由 sklearn.metrics 计算，不加权：每个样本计 1，尽管训练损失按类别给样本加权（类别权重）。将鼠标悬停在行名上可查看其公式。</translation>
    </message>
    <message>
        <source>Model: {train} training and {test} test samples.</source>
        <translation>模型：{train} 个训练样本和 {test} 个测试样本。</translation>
    </message>
    <message>
        <source>Model after epoch {epoch:,}: {train} training and {test} test samples.</source>
        <translation>第 {epoch:,} 轮后的模型：{train} 个训练样本和 {test} 个测试样本。</translation>
    </message>
    <message>
        <source>Precision, recall and F1 are macro averages over the classes.</source>
        <translation>精确率、召回率和 F1 是各类别的宏平均。</translation>
    </message>
    <message>
        <source>Beware the accuracy: always predicting the largest class would score {majority:.3f} here, and the model scores {accuracy:.3f}. On imbalanced classes read the balanced accuracy ({balanced:.3f}), the recall of each class and the precision–recall curve.</source>
        <translation>小心准确率：在这里总是预测最大的类别就能得到 {majority:.3f}，而模型得到 {accuracy:.3f}。在不平衡的类别上，请看平衡准确率（{balanced:.3f}）、每个类别的召回率和精确率–召回率曲线。</translation>
    </message>
    <message>
        <source>{count} classes: one-vs-rest AUC, macro average {auc:.3f}</source>
        <translation>{count} 个类别：一对其余 AUC，宏平均 {auc:.3f}</translation>
    </message>
    <message>
        <source>{name}: AUC {auc:.3f}</source>
        <translation>{name}：AUC {auc:.3f}</translation>
    </message>
    <message>
        <source>{name}: no samples, no curve</source>
        <translation>{name}：没有样本，没有曲线</translation>
    </message>
    <message>
        <source>average precision {ap:.3f}</source>
        <translation>平均精确率 {ap:.3f}</translation>
    </message>
    <message>
        <source>t = {threshold:.3f}</source>
        <translation>t = {threshold:.3f}</translation>
    </message>
    <message>
        <source>predicted
{name}</source>
        <translation>预测为
{name}</translation>
    </message>
    <message>
        <source>true {name}</source>
        <translation>真实 {name}</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Mean cross-entropy −(1/n) Σ log p(true class): the loss gradient descent minimises (without the penalty).</source>
        <translation>平均交叉熵 −(1/n) Σ log p(真实类别)：梯度下降最小化的损失（不含惩罚项）。</translation>
    </message>
    <message>
        <source>Precision, recall and F1 are of class “{name}”, predicted when P({name}) &gt; t = {threshold:.3f}.</source>
        <translation>精确率、召回率和 F1 针对类别“{name}”，当 P({name}) &gt; t = {threshold:.3f} 时预测为该类。</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>predicted as</source>
        <translation>预测为</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>this view holds tables, not a plot: export it as PNG.</source>
        <translation>此视图包含表格而非图表：请导出为 PNG。</translation>
    </message>
    <message>
        <source>{name} could not be written.</source>
        <translation>无法写入 {name}。</translation>
    </message>
</context>
<context>
    <name>FeatureMapInput</name>
    <message>
        <source>The feature map: more features made of the numeric columns before training. The model stays linear in its features, so a straight boundary in the space of x, x², x·y … is curved in the plane of the columns. At most {limit:,} features.</source>
        <translation>特征映射：训练前由数值列生成更多特征。模型对其特征仍是线性的，所以在 x、x²、x·y … 的空间中的直线边界，在原始列的平面上是弯曲的。最多 {limit:,} 个特征。</translation>
    </message>
    <message>
        <source>Polynomial degree: every product of the numeric columns up to this degree (scikit-learn&apos;s PolynomialFeatures); 1 keeps the columns as they are.</source>
        <translation>多项式次数：数值列的所有乘积，直到这个次数（scikit-learn 的 PolynomialFeatures）；1 表示保持原列不变。</translation>
    </message>
    <message>
        <source>degree {degree}</source>
        <translation>{degree} 次</translation>
    </message>
    <message>
        <source>Add the square xᵢ² of each numeric column.</source>
        <translation>加入每个数值列的平方 xᵢ²。</translation>
    </message>
    <message>
        <source>Add the product xᵢ·xⱼ of each pair of numeric columns (their cross).</source>
        <translation>加入每对数值列的乘积 xᵢ·xⱼ（交叉项）。</translation>
    </message>
    <message>
        <source>Add sin(xᵢ) of each numeric column.</source>
        <translation>加入每个数值列的 sin(xᵢ)。</translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>row id</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>打开 {name}</translation>
    </message>
    <message>
        <source>The column holding the classes to predict.</source>
        <translation>包含要预测的类别的列。</translation>
    </message>
    <message>
        <source>the threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>The target is a quantity: class 1 is above this value, class 0 at or below it. Empty: the training part&apos;s median.</source>
        <translation>目标是一个数量：大于此值为类别 1，小于或等于此值为类别 0。留空：使用训练集的中位数。</translation>
    </message>
    <message>
        <source>median of the training part</source>
        <translation>训练集的中位数</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Rows with missing cells: drop them, or fill each missing cell with the training part&apos;s median (numbers) or most frequent value (texts).</source>
        <translation>含缺失单元格的行：删除它们，或用训练集的中位数（数值）或众数（文本）填补每个缺失单元格。</translation>
    </message>
    <message>
        <source>Drop rows with missing cells</source>
        <translation>删除含缺失单元格的行</translation>
    </message>
    <message>
        <source>Fill them from the training part</source>
        <translation>用训练集填补</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>distinct</source>
        <translation>不同值</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>What each column is and what will happen to it; change a column&apos;s use in the last column.</source>
        <translation>每一列是什么以及将如何处理它；在最后一列中更改某列的用途。</translation>
    </message>
    <message>
        <source>The first rows of the file, as read.</source>
        <translation>文件的前几行，按读取结果显示。</translation>
    </message>
    <message>
        <source>Target column</source>
        <translation>目标列</translation>
    </message>
    <message>
        <source>Missing cells</source>
        <translation>缺失单元格</translation>
    </message>
    <message>
        <source>Use these data</source>
        <translation>使用这些数据</translation>
    </message>
    <message>
        <source>target: the classes to predict (cut at the threshold)</source>
        <translation>目标：要预测的类别（按阈值切分）</translation>
    </message>
    <message>
        <source>target: the classes to predict</source>
        <translation>目标：要预测的类别</translation>
    </message>
    <message>
        <source>feature — {reason}</source>
        <translation>特征 — {reason}</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>left out — {reason}</source>
        <translation>排除 — {reason}</translation>
    </message>
    <message>
        <source>use as a feature</source>
        <translation>用作特征</translation>
    </message>
    <message>
        <source>leave out</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>choose at least one column to use as a feature.</source>
        <translation>请至少选择一列用作特征。</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <source>the data file this model was made with, {path}, is not there any more: put it back, or save the session with its data kept in the file.</source>
        <translation>生成此模型所用的数据文件 {path} 已不存在：请把它放回原处，或保存包含数据的会话。</translation>
    </message>
    <message>
        <source>the data file this session was made with, {path}, is not there any more: put it back, or save the session with its data kept in the file.</source>
        <translation>生成此会话所用的数据文件 {path} 已不存在：请把它放回原处，或保存包含数据的会话。</translation>
    </message>
    <message>
        <source>{name} does not say what its data file {path} held, so that file is not read: train the model again on it and save it.</source>
        <translation>{name} 没有说明其数据文件 {path} 的内容，因此不会读取该文件：请在该文件上重新训练模型并保存。</translation>
    </message>
    <message>
        <source>{name} does not say what its data file {path} held, so that file is not read: open the data, train again, and save the session with its data kept in the file.</source>
        <translation>{name} 没有说明其数据文件 {path} 的内容，因此不会读取该文件：请打开数据、重新训练，并保存包含数据的会话。</translation>
    </message>
    <message>
        <source>the data file {name} has changed since the model was saved: the model&apos;s weights belong to other data.</source>
        <translation>自保存模型以来，数据文件 {name} 已被修改：模型的权重属于其他数据。</translation>
    </message>
    <message>
        <source>the data file {name} has changed since the session was saved: the session&apos;s weights belong to other data.</source>
        <translation>自保存会话以来，数据文件 {name} 已被修改：会话的权重属于其他数据。</translation>
    </message>
    <message>
        <source>there is no trained model yet: press Train first.</source>
        <translation>还没有训练好的模型：请先按“训练”。</translation>
    </message>
    <message>
        <source>{name} does not say which data it was trained on, so it cannot be shown here; use it with logreg-predict.</source>
        <translation>{name} 没有说明它是在哪些数据上训练的，因此无法在这里显示；请用 logreg-predict 使用它。</translation>
    </message>
    <message>
        <source>the data made again for {name} differ from those it was trained on (other features or classes).</source>
        <translation>为 {name} 重新生成的数据与它训练时所用的数据不同（特征或类别不同）。</translation>
    </message>
    <message>
        <source>opened: {name}</source>
        <translation>已打开：{name}</translation>
    </message>
    <message>
        <source>opened from {name}: the weights after epoch {epoch:,}.</source>
        <translation>从 {name} 打开：第 {epoch:,} 轮后的权重。</translation>
    </message>
    <message>
        <source>there are no data yet to save a session of.</source>
        <translation>还没有数据，无法保存会话。</translation>
    </message>
    <message>
        <source>the data file {name} cannot be read ({reason}): save the session with its data kept in the file.</source>
        <translation>无法读取数据文件 {name}（{reason}）：请保存包含数据的会话。</translation>
    </message>
    <message>
        <source>{name} does not fit its data: its weights are not of the shape {shape} the data need.</source>
        <translation>{name} 与其数据不符：其权重的形状不是数据所需的 {shape}。</translation>
    </message>
    <message>
        <source>{name} selects a test sample its data do not have.</source>
        <translation>{name} 选择了其数据中不存在的测试样本。</translation>
    </message>
    <message>
        <source>there are no data yet to report on.</source>
        <translation>还没有数据，无法生成报告。</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <source>The parameter along the horizontal axis.</source>
        <translation>沿横轴的参数。</translation>
    </message>
    <message>
        <source>The parameter along the vertical axis.</source>
        <translation>沿纵轴的参数。</translation>
    </message>
    <message>
        <source>Colour: the training objective J on this slice (darker is lower). Lines: the path of the descent, the ring: where it is now. Click anywhere to start a new run from that point.</source>
        <translation>颜色：此切片上的训练目标函数 J（越暗越低）。线条：下降的路径；圆环：当前位置。点击任意位置，从该点开始新的运行。</translation>
    </message>
    <message>
        <source>No run yet: press Train or Step.</source>
        <translation>还没有运行：请按“训练”或“单步”。</translation>
    </message>
    <message>
        <source>horizontal</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>vertical</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <source>Choose two different parameters.</source>
        <translation>请选择两个不同的参数。</translation>
    </message>
    <message>
        <source>Computing the loss over two weights around the run&apos;s weights…</source>
        <translation>正在计算这次运行的权重附近、两个权重上的损失…</translation>
    </message>
    <message>
        <source>The loss landscape could not be computed: {reason}</source>
        <translation>无法计算损失曲面：{reason}</translation>
    </message>
    <message>
        <source>{run} (current)</source>
        <translation>{run}（当前）</translation>
    </message>
    <message>
        <source>The square marks where the run started, the ring where it is; click to start a new run from another point.</source>
        <translation>方块标出运行的起点，圆环标出当前位置；点击可从另一个点开始新的运行。</translation>
    </message>
</context>
<context>
    <name>LearningCurveView</name>
    <message>
        <source>Folds of the training samples: each size is judged on every fold.</source>
        <translation>训练样本的折数：每种规模都在每一折上评判。</translation>
    </message>
    <message>
        <source>training samples used</source>
        <translation>使用的训练样本数</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Computing the learning curve…</source>
        <translation>正在计算学习曲线…</translation>
    </message>
    <message>
        <source>Press Compute to train on 10% to 100% of each fold&apos;s training samples and judge each model on the fold it did not see: does more data help?</source>
        <translation>按“计算”用每折训练样本的 10% 到 100% 训练，并在它没见过的那一折上评判每个模型：更多数据有帮助吗？</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>With {n:,} training samples: training accuracy {train:.3f}, validation {validation:.3f} (mean of the folds; the band is ± one sd).</source>
        <translation>用 {n:,} 个训练样本时：训练准确率 {train:.3f}，验证准确率 {validation:.3f}（各折的平均；阴影带为 ± 一个标准差）。</translation>
    </message>
    <message>
        <source>High variance: the model does much better on the samples it learnt from than on new ones; more data, a penalty or fewer features would help.</source>
        <translation>高方差：模型在学过的样本上比在新样本上好得多；更多数据、惩罚项或更少的特征会有帮助。</translation>
    </message>
    <message>
        <source>High bias: both scores are low and close, near what always guessing the largest class gets; more data will not help — a richer model (more features, a feature map) would.</source>
        <translation>高偏差：两个分数都低且接近，接近总猜最大类别所得的分数；更多数据没有帮助——更丰富的模型（更多特征、特征映射）才有帮助。</translation>
    </message>
</context>
<context>
    <name>LessonGuide</name>
    <message>
        <source>no lesson is open: open one first (Help ▸ Lessons).</source>
        <translation>没有打开的课程:请先打开一个(帮助 ▸ 课程)。</translation>
    </message>
    <message>
        <source>this lesson has steps 1 to {count}; there is no step {number}.</source>
        <translation>这门课程只有第 1 到第 {count} 步;没有第 {number} 步。</translation>
    </message>
    <message>
        <source>this step asks no question.</source>
        <translation>这一步没有提问。</translation>
    </message>
    <message>
        <source>choose one of the answers 1 to {count}.</source>
        <translation>请从答案 1 到 {count} 中选一个。</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson finished. Well done!</source>
        <translation>课程完成。做得好!</translation>
    </message>
    <message>
        <source>The lesson&apos;s step could not be set up: {reason}</source>
        <translation>无法准备课程的这一步:{reason}</translation>
    </message>
    <message>
        <source>it took too long.</source>
        <translation>等待时间太长。</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Check my answer</source>
        <translation>检查我的答案</translation>
    </message>
    <message>
        <source>Say what you expect first: then the window shows what happens.</source>
        <translation>先说出你的预期:然后窗口会展示实际发生了什么。</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>End the lesson</source>
        <translation>结束课程</translation>
    </message>
    <message>
        <source>Close the lesson; the window stays as it is.</source>
        <translation>关闭课程;窗口保持现状。</translation>
    </message>
    <message>
        <source>Step {number} of {count}: {title}</source>
        <translation>第 {number} 步(共 {count} 步):{title}</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Predict, then see</source>
        <translation>先预测,再观察</translation>
    </message>
    <message>
        <source>✓ Right.</source>
        <translation>✓ 正确。</translation>
    </message>
    <message>
        <source>✗ Not quite: the answer is “{answer}”.</source>
        <translation>✗ 不太对:答案是“{answer}”。</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>The objective gradient descent minimises (train loss, plus the penalty when there is one) and the test loss after every epoch, and the accuracies below. Hover to read the values; right-click to export the data or an image.</source>
        <translation>每一轮之后梯度下降最小化的目标函数（训练损失，有惩罚时加上惩罚项）和测试损失，下方是准确率。悬停可读取数值；右键可导出数据或图像。</translation>
    </message>
    <message>
        <source>loss (cross-entropy)</source>
        <translation>损失（交叉熵）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次 (epoch)</translation>
    </message>
    <message>
        <source>size ‖w‖</source>
        <translation>大小 ‖w‖</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练集损失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试集损失</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练集准确率</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试集准确率</translation>
    </message>
    <message>
        <source>Hover over the plot to read the values of an epoch.</source>
        <translation>将鼠标悬停在图上，读取某一轮的数值。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis: small late improvements become visible.</source>
        <translation>用对数坐标显示损失：后期的微小改进也能看见。</translation>
    </message>
    <message>
        <source>weighted train loss + L2 penalty</source>
        <translation>加权训练损失 + L2 惩罚</translation>
    </message>
    <message>
        <source>weighted train loss + L1 penalty</source>
        <translation>加权训练损失 + L1 惩罚</translation>
    </message>
    <message>
        <source>weighted train loss + elastic-net penalty</source>
        <translation>加权训练损失 + 弹性网惩罚</translation>
    </message>
    <message>
        <source>weighted train loss</source>
        <translation>加权训练损失</translation>
    </message>
    <message>
        <source>train loss + L2 penalty</source>
        <translation>训练集损失 + L2 惩罚</translation>
    </message>
    <message>
        <source>train loss + L1 penalty</source>
        <translation>训练损失 + L1 惩罚</translation>
    </message>
    <message>
        <source>train loss + elastic-net penalty</source>
        <translation>训练损失 + 弹性网惩罚</translation>
    </message>
    <message>
        <source>no finite optimum: the classes can be separated, so without a penalty the loss falls towards 0 only as the weights grow without bound — ‖w‖ went from {first:.3g} (epoch {start:,}) to {last:.3g} (epoch {end:,}) and would go on growing.</source>
        <translation>没有有限的最优点：类别可以被分开，所以没有惩罚时，损失只能靠权重无限增大才能趋向 0——‖w‖ 从 {first:.3g}（第 {start:,} 轮）增长到 {last:.3g}（第 {end:,} 轮），而且还会继续增长。</translation>
    </message>
    <message>
        <source>Any L2 penalty α &gt; 0 gives a finite optimum; the smaller α, the larger its weights: {sizes}.</source>
        <translation>任何 α &gt; 0 的 L2 惩罚都会给出有限的最优点；α 越小，其权重越大：{sizes}。</translation>
    </message>
    <message>
        <source>α = {alpha:g}: ‖w*‖ = {size:.3g}</source>
        <translation>α = {alpha:g}：‖w*‖ = {size:.3g}</translation>
    </message>
    <message>
        <source>overfitting: since epoch {epoch:,} the test loss rose from {test_from:.4g} to {test_to:.4g} while the training loss (without the penalty) fell from {train_from:.4g} to {train_to:.4g}. The model is fitting the noise of the training samples; fewer epochs, a stronger penalty or fewer features would generalise better.</source>
        <translation>过拟合：自第 {epoch:,} 轮起，测试损失从 {test_from:.4g} 升到 {test_to:.4g}，而训练损失（不含惩罚项）从 {train_from:.4g} 降到 {train_to:.4g}。模型在拟合训练样本中的噪声；更少的轮数、更强的惩罚或更少的特征会泛化得更好。</translation>
    </message>
    <message>
        <source>overfitting: since epoch {epoch:,} the test loss rose from {test_from:.4g} to {test_to:.4g} while the training loss fell from {train_from:.4g} to {train_to:.4g}. The model is fitting the noise of the training samples; fewer epochs, a penalty (L2, L1 or elastic net) or fewer features would generalise better.</source>
        <translation>过拟合：自第 {epoch:,} 轮起，测试损失从 {test_from:.4g} 升到 {test_to:.4g}，而训练损失从 {train_from:.4g} 降到 {train_to:.4g}。模型在拟合训练样本中的噪声；更少的轮数、加一个惩罚（L2、L1 或弹性网）或更少的特征会泛化得更好。</translation>
    </message>
    <message>
        <source>the loss still falls steadily, but at this pace it would need about {needed:,} epochs, not {epochs:,}, to come within 0.1% of its optimum: the learning rate {rate:g} is small for these data.</source>
        <translation>损失仍在稳定下降，但按这个速度，它大约需要 {needed:,} 轮（而不是 {epochs:,} 轮）才能接近最优值的 0.1% 以内：对这些数据来说，学习率 {rate:g} 偏小。</translation>
    </message>
    <message>
        <source>Try {suggested:g}.</source>
        <translation>试试 {suggested:g}。</translation>
    </message>
    <message>
        <source>optimum of the weighted training objective ≈ {value:.4g}</source>
        <translation>加权训练目标的最优值 ≈ {value:.4g}</translation>
    </message>
    <message>
        <source>optimum of the weighted training objective {value:.4g}</source>
        <translation>加权训练目标的最优值 {value:.4g}</translation>
    </message>
    <message>
        <source>optimum of the training objective ≈ {value:.4g}</source>
        <translation>训练目标函数的最优值 ≈ {value:.4g}</translation>
    </message>
    <message>
        <source>optimum of the training objective {value:.4g}</source>
        <translation>训练目标函数的最优值 {value:.4g}</translation>
    </message>
    <message>
        <source>epoch {first:,}</source>
        <translation>第 {first:,} 轮</translation>
    </message>
    <message>
        <source>epochs {first:,}–{last:,}</source>
        <translation>第 {first:,}–{last:,} 轮</translation>
    </message>
    <message>
        <source>weighted train loss {loss}, accuracy {accuracy}</source>
        <translation>加权训练损失 {loss}，准确率 {accuracy}</translation>
    </message>
    <message>
        <source>train loss {loss}, accuracy {accuracy}</source>
        <translation>训练集损失 {loss}，准确率 {accuracy}</translation>
    </message>
    <message>
        <source>test loss {loss}, accuracy {accuracy}</source>
        <translation>测试集损失 {loss}，准确率 {accuracy}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>logreg-gui — logistic regression by gradient descent</source>
        <translation>logreg-gui — 用梯度下降学习逻辑回归</translation>
    </message>
    <message>
        <source>logreg-gui is starting.</source>
        <translation>logreg-gui 正在启动。</translation>
    </message>
    <message>
        <source>Complexity curve</source>
        <translation>复杂度曲线</translation>
    </message>
    <message>
        <source>Cross-validation</source>
        <translation>交叉验证</translation>
    </message>
    <message>
        <source>Learning curve</source>
        <translation>学习曲线</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Penalty path</source>
        <translation>正则化路径</translation>
    </message>
    <message>
        <source>The lesson cannot be opened</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Prediction for one test sample</source>
        <translation>单个测试样本的预测</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>σ(z)</source>
        <translation>σ(z) 曲线</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Preparing the data…</source>
        <translation>正在准备数据…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop opening the file or making the data; what was loaded before stays.</source>
        <translation>停止打开文件或生成数据；之前载入的内容保留。</translation>
    </message>
    <message>
        <source>Presentation: F5 (or View ▸ Presentation) brings the panels back.</source>
        <translation>演示模式：按 F5（或“视图 ▸ 演示”）恢复各面板。</translation>
    </message>
    <message>
        <source>The language changes as soon as the data are ready.</source>
        <translation>数据一准备好，语言就会切换。</translation>
    </message>
    <message>
        <source>The language changes at the next start: a session is being saved.</source>
        <translation>语言将在下次启动时切换：正在保存会话。</translation>
    </message>
    <message>
        <source>logreg-gui speaks {language} now.</source>
        <translation>logreg-gui 现在使用{language}。</translation>
    </message>
    <message>
        <source>The run going on was stopped at epoch {epoch:,}.</source>
        <translation>正在进行的运行已在第 {epoch:,} 轮停止。</translation>
    </message>
    <message>
        <source>The window closes as soon as the session is saved.</source>
        <translation>会话保存完成后窗口即会关闭。</translation>
    </message>
    <message>
        <source>The runs could not be kept for the next start: {reason}</source>
        <translation>无法为下次启动保留这些运行：{reason}</translation>
    </message>
    <message>
        <source>Not everything could be kept</source>
        <translation>并非所有内容都能保留</translation>
    </message>
    <message>
        <source>Image saved to {path}.</source>
        <translation>图像已保存到 {path}。</translation>
    </message>
    <message>
        <source>Report written to {path}.</source>
        <translation>报告已写入 {path}。</translation>
    </message>
    <message>
        <source>The run written as code to {path}.</source>
        <translation>本次运行已写成代码:{path}。</translation>
    </message>
    <message>
        <source>the preset starts the lesson {name}, which is not shipped.</source>
        <translation>这个预设要开始课程 {name},但没有这门随附的课程。</translation>
    </message>
    <message>
        <source>Preset “{title}” opened.</source>
        <translation>已打开预设“{title}”。</translation>
    </message>
    <message>
        <source>{hidden} controls hidden, {locked} locked (View ▸ Show every control).</source>
        <translation>隐藏了 {hidden} 个控件,锁定了 {locked} 个(视图 ▸ 显示所有控件)。</translation>
    </message>
    <message>
        <source>This window has no part named {names}: left alone.</source>
        <translation>窗口中没有名为 {names} 的部件:已略过。</translation>
    </message>
    <message>
        <source>Preset saved to {path}.</source>
        <translation>预设已保存到 {path}。</translation>
    </message>
    <message>
        <source>The default settings are back.</source>
        <translation>已恢复默认设置。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.dat *.data *.xlsx *.parquet);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *.dat *.data *.xlsx *.parquet);;所有文件 (*)</translation>
    </message>
    <message>
        <source>logreg-gui model (*.json);;All files (*)</source>
        <translation>logreg-gui 模型 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>logreg-gui session (*.lrsession);;All files (*)</source>
        <translation>logreg-gui 会话 (*.lrsession);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter 笔记本 (*.ipynb)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Lesson (*.md);;All files (*)</source>
        <translation>课程 (*.md);;所有文件 (*)</translation>
    </message>
    <message>
        <source>logreg-gui preset (*.lrpreset);;All files (*)</source>
        <translation>logreg-gui 预设 (*.lrpreset);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open data…</source>
        <translation>打开数据(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a CSV, text, Excel or Parquet file and choose its target.</source>
        <translation>打开 CSV、文本、Excel 或 Parquet 文件，并选择其目标列。</translation>
    </message>
    <message>
        <source>Recent &amp;files</source>
        <translation>最近的文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save session…</source>
        <translation>保存会话(&amp;S)…</translation>
    </message>
    <message>
        <source>Open sessi&amp;on…</source>
        <translation>打开会话(&amp;N)…</translation>
    </message>
    <message>
        <source>Save &amp;model…</source>
        <translation>保存模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Save the weights shown with their preprocessing, to predict new rows with logreg-predict or from Python.</source>
        <translation>保存当前显示的权重及其预处理，以便用 logreg-predict 或在 Python 中预测新数据。</translation>
    </message>
    <message>
        <source>Open mo&amp;del…</source>
        <translation>打开模型(&amp;D)…</translation>
    </message>
    <message>
        <source>Save as pre&amp;set…</source>
        <translation>另存为预设(&amp;S)…</translation>
    </message>
    <message>
        <source>For a class: the settings and the tab shown, the controls to hide or lock, and a lesson to start, in one small file to hand out.</source>
        <translation>为课堂准备:设置和显示的标签页、要隐藏或锁定的控件,以及要开始的课程,都放在一个可以分发的小文件里。</translation>
    </message>
    <message>
        <source>Open pres&amp;et…</source>
        <translation>打开预设(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;predictions…</source>
        <translation>导出预测(&amp;P)…</translation>
    </message>
    <message>
        <source>The test samples with their true class, predicted class and every class&apos;s probability, as CSV.</source>
        <translation>测试样本及其真实类别、预测类别和每个类别的概率，保存为 CSV。</translation>
    </message>
    <message>
        <source>Export &amp;image…</source>
        <translation>导出图像(&amp;I)…</translation>
    </message>
    <message>
        <source>The view shown, as PNG or SVG.</source>
        <translation>当前显示的视图，保存为 PNG 或 SVG。</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>One HTML page: data, settings, plots, evaluation and the selected prediction.</source>
        <translation>一个 HTML 页面：数据、设置、图表、评估和所选样本的预测。</translation>
    </message>
    <message>
        <source>Export as P&amp;ython…</source>
        <translation>导出为 P&amp;ython…</translation>
    </message>
    <message>
        <source>The run as a numpy script in the blog&apos;s names: the same data, weights and loop, printing the same log; then scikit-learn&apos;s answer.</source>
        <translation>把本次运行写成 numpy 脚本,沿用博客里的变量名:同样的数据、权重和循环,打印同样的日志;最后给出 scikit-learn 的结果。</translation>
    </message>
    <message>
        <source>Export as &amp;notebook…</source>
        <translation>导出为笔记本(&amp;N)…</translation>
    </message>
    <message>
        <source>The same code as a Jupyter notebook, one step of the loop per cell.</source>
        <translation>同样的代码写成 Jupyter 笔记本,循环的每一步一个单元格。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Larger text, lines and markers, for a projector.</source>
        <translation>更大的文字、线条和标记，适合投影仪。</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>The settings and the prediction fold away and the views take the window; the run controls stay. F5 again brings the panels back as they were.</source>
        <translation>设置和预测面板收起，视图占满窗口；训练控制按钮保留。再按 F5 可按原样恢复各面板。</translation>
    </message>
    <message>
        <source>The &amp;blog&apos;s code beside</source>
        <translation>并排运行博客代码(&amp;B)</translation>
    </message>
    <message>
        <source>Each new run also runs the blog&apos;s loop as written — its gradient divided by the number of features, no standardisation, its sigmoid and +1e-8 loss — beside the correct one, from the same initial weights.</source>
        <translation>每次新运行都会按原样同时运行博客的循环——梯度除以特征数、不做标准化、它的 sigmoid 和 +1e-8 的损失——从同样的初始权重出发,与正确的运行并排。</translation>
    </message>
    <message>
        <source>Show every &amp;control</source>
        <translation>显示所有控件(&amp;C)</translation>
    </message>
    <message>
        <source>Show and unlock the controls a preset hid or locked.</source>
        <translation>显示并解锁预设隐藏或锁定的控件。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Restore &amp;default settings</source>
        <translation>恢复默认设置(&amp;D)</translation>
    </message>
    <message>
        <source>Put every setting, the tab and the panels back as on a first start.</source>
        <translation>将所有设置、标签页和面板恢复为首次启动时的样子。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About logreg-gui</source>
        <translation>关于 logreg-gui(&amp;A)</translation>
    </message>
    <message>
        <source>Open a lesson &amp;file…</source>
        <translation>打开课程文件(&amp;F)…</translation>
    </message>
    <message>
        <source>A lesson written by a teacher: a Markdown file with a setup per step.</source>
        <translation>教师编写的课程:一个 Markdown 文件,每一步有自己的设置。</translation>
    </message>
    <message>
        <source>Open a lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>The lesson cannot be opened</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About logreg-gui</source>
        <translation>关于 logreg-gui</translation>
    </message>
    <message>
        <source>logreg-gui {version}: logistic regression learnt by doing it — gradient descent one epoch at a time, from the numpy blog post it grew from, done correctly.</source>
        <translation>logreg-gui {version}：通过亲手实践学习逻辑回归——梯度下降一次一轮（epoch），源自那篇 numpy 博客文章，并修正了其中的错误。</translation>
    </message>
    <message>
        <source>Open a data file</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <source>The session cannot be opened</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>The preset cannot be opened</source>
        <translation>无法打开预设</translation>
    </message>
    <message>
        <source>The model cannot be opened</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>The data cannot be used</source>
        <translation>无法使用这些数据</translation>
    </message>
    <message>
        <source>No file opened: the data are unchanged.</source>
        <translation>没有打开文件：数据保持不变。</translation>
    </message>
    <message>
        <source>Save the session with its data inside</source>
        <translation>保存会话（包含数据）</translation>
    </message>
    <message>
        <source>Export the points</source>
        <translation>导出这些点</translation>
    </message>
    <message>
        <source>The points cannot be exported</source>
        <translation>无法导出这些点</translation>
    </message>
    <message>
        <source>The image cannot be exported</source>
        <translation>无法导出图像</translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>The report cannot be exported</source>
        <translation>无法导出报告</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>另存为预设</translation>
    </message>
    <message>
        <source>The preset cannot be saved</source>
        <translation>无法保存预设</translation>
    </message>
    <message>
        <source>Open a preset</source>
        <translation>打开预设</translation>
    </message>
    <message>
        <source>Export the run as Python</source>
        <translation>把本次运行导出为 Python</translation>
    </message>
    <message>
        <source>The code cannot be exported</source>
        <translation>无法导出代码</translation>
    </message>
    <message>
        <source>Export the run as a notebook</source>
        <translation>把本次运行导出为笔记本</translation>
    </message>
    <message>
        <source>The notebook cannot be exported</source>
        <translation>无法导出笔记本</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Save the data settings (a data file by its path and the digest of its content), every run with its curves and weights, and the selected sample.</source>
        <translation>保存数据设置（数据文件按其路径和内容摘要保存）、每次运行及其曲线和权重，以及所选的样本。</translation>
    </message>
    <message>
        <source>Save session &amp;with its data…</source>
        <translation>保存会话（含数据）(&amp;W)…</translation>
    </message>
    <message>
        <source>Save the session with the data themselves inside the file: it opens anywhere, even where the data file is not.</source>
        <translation>把数据本身也保存在会话文件中：在任何地方都能打开，即使那里没有数据文件。</translation>
    </message>
    <message>
        <source>The session cannot be saved</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Save the model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>The model cannot be saved</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Export the predictions</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <source>The predictions cannot be exported</source>
        <translation>无法导出预测</translation>
    </message>
    <message>
        <source>Export the view as an image</source>
        <translation>将视图导出为图像</translation>
    </message>
</context>
<context>
    <name>ModelForm</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Number of epochs (passes over the training data), up to 100,000,000. Full batch: one update per epoch. You may type 1e6.</source>
        <translation>轮数（遍历训练数据的次数），最多 100,000,000。全批量：每轮更新一次。可以输入 1e6。</translation>
    </message>
    <message>
        <source>Mini-batch size: the training data are shuffled every epoch and the weights updated after each batch of this many samples. Empty: full batch, one update per epoch.</source>
        <translation>小批量大小：每轮打乱训练数据，每处理这么多样本就更新一次权重。留空：全批量，每轮更新一次。</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>The penalty added to the loss, as scikit-learn&apos;s SGDClassifier names them: none; L2, α/2·‖w‖², which shrinks every weight; L1, α·‖w‖₁, which sets weights to exactly 0 (a proximal step after each update: soft-thresholding); elastic net, a mix of the two. The intercept is never penalised.</source>
        <translation>加到损失上的惩罚，名称与 scikit-learn 的 SGDClassifier 相同：无；L2，α/2·‖w‖²，缩小每个权重；L1，α·‖w‖₁，把权重设为恰好 0（每次更新后做一次近端步骤：软阈值）；弹性网，二者的混合。截距从不受惩罚。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Elastic net</source>
        <translation>弹性网</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>惩罚</translation>
    </message>
    <message>
        <source>How much each class counts in the loss (scikit-learn&apos;s class_weight): none, every sample counts 1; balanced, class c counts n / (classes × count of c), so that a rare class weighs as much in total as a common one; per class, weights you type. The loss becomes (1/n)·Σ weight·cross-entropy; the metrics (accuracy, balanced accuracy, the test loss) stay unweighted.</source>
        <translation>每个类别在损失中占多少分量（scikit-learn 的 class_weight）：无，每个样本计 1；平衡，类别 c 计 n / (类别数 × c 的样本数)，使稀有类别的总分量与常见类别相同；按类别，由你输入权重。损失变为 (1/n)·Σ 权重·交叉熵；各项指标（准确率、平衡准确率、测试损失）仍不加权。</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>平衡</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>类别权重</translation>
    </message>
    <message>
        <source>The weight of each class, as label: weight pairs separated by commas, e.g. 0: 1, 1: 10 — labels as in the data, weights greater than 0; a class not named weighs 1.</source>
        <translation>每个类别的权重，写成以逗号分隔的“标签: 权重”对，例如 0: 1, 1: 10 — 标签与数据中一致，权重大于 0；未列出的类别权重为 1。</translation>
    </message>
    <message>
        <source>e.g. 0: 1, 1: 10</source>
        <translation>例如 0: 1, 1: 10</translation>
    </message>
    <message>
        <source>Weights per class</source>
        <translation>各类别权重</translation>
    </message>
    <message>
        <source>Initial weights: standard normal random numbers (as in the blog: np.random.randn) or all zeros. The intercept starts at 0.</source>
        <translation>初始权重：标准正态随机数（与博客相同：np.random.randn）或全零。截距从 0 开始。</translation>
    </message>
    <message>
        <source>Random normal</source>
        <translation>正态随机</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>The update rule: gradient descent as in the blog, momentum, Nesterov momentum, Adam, or Newton&apos;s method (one step with the exact curvature per epoch: a handful of epochs reach the optimum; it ignores the learning rate and the batch size and is offered up to 600 parameters).</source>
        <translation>更新规则：博客中的梯度下降、动量、Nesterov 动量、Adam，或牛顿法（每轮用精确曲率走一步：几轮即可达到最优值；它不使用学习率和批大小，最多支持 600 个参数）。</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Newton (exact Hessian)</source>
        <translation>牛顿法（精确 Hessian）</translation>
    </message>
    <message>
        <source>Gradient descent on these data: every step lowers the loss below a rate of {safe:.3g}; with no finite optimum (separable classes) there is no largest rate that settles.</source>
        <translation>在这些数据上做梯度下降：学习率低于 {safe:.3g} 时每一步都会降低损失；由于没有有限的最优点（类别可分），不存在能稳定下来的最大学习率。</translation>
    </message>
    <message>
        <source>Gradient descent on these data settles below a rate of {stable:.3g} (2 / the largest curvature at the optimum); below {safe:.3g} every step lowers the loss.</source>
        <translation>在这些数据上，学习率低于 {stable:.3g}（2 / 最优点处的最大曲率）时梯度下降能稳定下来；低于 {safe:.3g} 时每一步都会降低损失。</translation>
    </message>
    <message>
        <source>A rate of {rate:g} is above {stable:.3g}, the largest at which gradient descent settles on these data: the loss will swing or explode. Try {suggested:g}.</source>
        <translation>学习率 {rate:g} 高于 {stable:.3g}，即梯度下降在这些数据上能稳定下来的最大学习率：损失会来回摆动或爆炸。试试 {suggested:g}。</translation>
    </message>
    <message>
        <source>Early stopping: stop once the loss has not improved by at least tol on its best for more than the given number of epochs (as scikit-learn&apos;s MLPClassifier). Empty: always run all epochs.</source>
        <translation>提前停止：当损失在超过给定轮数内都没有比其最佳值改进至少 tol 时停止（与 scikit-learn 的 MLPClassifier 相同）。留空：总是运行全部轮数。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Epochs without an improvement of tol tolerated before stopping early.</source>
        <translation>提前停止前容忍的、没有改进 tol 的轮数。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Learning rate η (lr in the blog) of gradient descent: each epoch θ ← θ − η·∇J(θ), with J = mean cross-entropy + the penalty. Too large overshoots; too small crawls. Applies to a run going on when you press Enter.</source>
        <translation>梯度下降的学习率 η（博客中的 lr）：每一轮 θ ← θ − η·∇J(θ)，其中 J = 平均交叉熵 + 惩罚项。太大会越过最低点；太小会爬得很慢。按回车后对正在进行的训练生效。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Strength α</source>
        <translation>强度 α</translation>
    </message>
    <message>
        <source>Strength α of the penalty (alpha, as in scikit-learn&apos;s SGDClassifier): the loss becomes mean cross-entropy + α·R(w), the intercept not penalised; equals scikit-learn&apos;s LogisticRegression(C = 1/(α·n)) with the same penalty.</source>
        <translation>惩罚的强度 α（alpha，与 scikit-learn 的 SGDClassifier 相同）：损失变为平均交叉熵 + α·R(w)，截距不受惩罚；等价于相同惩罚下 scikit-learn 的 LogisticRegression(C = 1/(α·n))。</translation>
    </message>
    <message>
        <source>L1 ratio</source>
        <translation>L1 比例</translation>
    </message>
    <message>
        <source>The elastic net&apos;s mix (l1_ratio), from 0 to 1: R(w) = l1_ratio·‖w‖₁ + (1 − l1_ratio)/2·‖w‖². 0 is L2 alone, 1 is L1 alone.</source>
        <translation>弹性网的混合比例（l1_ratio），从 0 到 1：R(w) = l1_ratio·‖w‖₁ + (1 − l1_ratio)/2·‖w‖²。0 即只有 L2，1 即只有 L1。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Stop at tol</source>
        <translation>停止容差 tol</translation>
    </message>
    <message>
        <source>…after epochs</source>
        <translation>…容忍轮数</translation>
    </message>
</context>
<context>
    <name>PaintController</name>
    <message>
        <source>the data are being prepared.</source>
        <translation>正在准备数据。</translation>
    </message>
    <message>
        <source>points are painted on data of exactly two numeric columns (a two-dimensional set, or a file of two numeric columns).</source>
        <translation>只能在恰好两个数值列的数据上绘制点（二维数据集，或两个数值列的文件）。</translation>
    </message>
    <message>
        <source>Points cannot be painted: {reason}</source>
        <translation>无法绘制点：{reason}</translation>
    </message>
    <message>
        <source>Painting training points: click the plot to add one of the class chosen, drag one to move it, right-click one to delete it.</source>
        <translation>正在绘制训练点：单击图表添加一个所选类别的点，拖动点可移动它，右键单击点可删除它。</translation>
    </message>
    <message>
        <source>The {count:,} test points (hollow) stay as they are: they judge the model.</source>
        <translation>{count:,} 个测试点（空心）保持不变：由它们来评判模型。</translation>
    </message>
    <message>
        <source>A training point of class {label} was added at ({x1:.3g}, {x2:.3g}).</source>
        <translation>已在 ({x1:.3g}, {x2:.3g}) 添加一个类别 {label} 的训练点。</translation>
    </message>
    <message>
        <source>Training point {index} was moved to ({x1:.3g}, {x2:.3g}).</source>
        <translation>训练点 {index} 已移动到 ({x1:.3g}, {x2:.3g})。</translation>
    </message>
    <message>
        <source>This point cannot be deleted: {reason}</source>
        <translation>无法删除此点：{reason}</translation>
    </message>
    <message>
        <source>Training point {index} was deleted.</source>
        <translation>训练点 {index} 已删除。</translation>
    </message>
    <message>
        <source>A new, empty canvas: paint training points of each class, then press Train.</source>
        <translation>新的空白画布：为每个类别绘制训练点，然后按“训练”。</translation>
    </message>
    <message>
        <source>Undone: the points are as they were.</source>
        <translation>已撤销：这些点恢复原样。</translation>
    </message>
    <message>
        <source>Redone.</source>
        <translation>已重做。</translation>
    </message>
    <message>
        <source>there are no points to export.</source>
        <translation>没有可导出的点。</translation>
    </message>
    <message>
        <source>{count:,} points written to {path}.</source>
        <translation>已将 {count:,} 个点写入 {path}。</translation>
    </message>
    <message>
        <source>its weights are those of the classes {before}, not {after}.</source>
        <translation>它的权重属于类别 {before}，而不是 {after}。</translation>
    </message>
    <message>
        <source>no training point is left.</source>
        <translation>已没有训练点。</translation>
    </message>
    <message>
        <source>class {label} has no training point left.</source>
        <translation>类别 {label} 已没有训练点。</translation>
    </message>
    <message>
        <source>classes {labels} have no training point left.</source>
        <translation>类别 {labels} 已没有训练点。</translation>
    </message>
    <message>
        <source>the data&apos;s features changed.</source>
        <translation>数据的特征变了。</translation>
    </message>
    <message>
        <source>The run cannot go on: {reason} Press Train to start a new one.</source>
        <translation>训练无法继续：{reason}按“训练”开始新的训练。</translation>
    </message>
    <message>
        <source>The run cannot go on: {reason}</source>
        <translation>训练无法继续：{reason}</translation>
    </message>
    <message>
        <source>The run goes on from its weights on the changed data (a new run: its loss is of other data).</source>
        <translation>训练从当前权重出发，在修改后的数据上继续（这是一次新的训练：它的损失来自另一份数据）。</translation>
    </message>
    <message>
        <source>The run waits, paused, at its weights on the changed data: press Resume or Step to train on.</source>
        <translation>训练在当前权重处暂停，等待修改后的数据：按“继续”或“单步”接着训练。</translation>
    </message>
    <message>
        <source>The points cannot be painted: {reason}</source>
        <translation>无法绘制这些点：{reason}</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>class {name}</source>
        <translation>类别 {name}</translation>
    </message>
</context>
<context>
    <name>PlotWheel</name>
    <message>
        <source>Reset
view</source>
        <translation>重置
视图</translation>
    </message>
    <message>
        <source>The mouse wheel scrolls the page. To zoom this plot with the wheel, click it first (until the pointer leaves it) or hold Ctrl; drag to move it. “Reset view” (bottom left) shows it as drawn again.</source>
        <translation>鼠标滚轮滚动页面。要用滚轮缩放此图，请先单击它（直到指针离开为止）或按住 Ctrl；拖动可移动它。“重置视图”（左下角）让它恢复为原来绘制的样子。</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Reset view: show this plot as drawn again, undoing what the mouse wheel and dragging changed. (The wheel zooms the plot only after a click on it, or with Ctrl held.)</source>
        <translation>重置视图：让此图恢复为原来绘制的样子，撤销鼠标滚轮和拖动所做的改变。（只有在单击此图之后或按住 Ctrl 时，滚轮才会缩放它。）</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Why the model predicts what it predicts for one test sample.</source>
        <translation>模型为什么对一个测试样本做出这样的预测。</translation>
    </message>
    <message>
        <source>Index of the test sample to inspect.</source>
        <translation>要查看的测试样本的编号。</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Pick a random test sample, as the blog does with np.random.randint(len(X_test)).</source>
        <translation>随机选一个测试样本，如同博客中的 np.random.randint(len(X_test))。</translation>
    </message>
    <message>
        <source>The linear score z = Σ wᵢxᵢ + b; two classes: P(second class) = σ(z) = 1/(1+e^(−z)); more: softmax P(k) = e^(z_k) / Σ_j e^(z_j).</source>
        <translation>线性得分 z = Σ wᵢxᵢ + b；两个类别：P(第二个类别) = σ(z) = 1/(1+e^(−z))；更多类别：softmax P(k) = e^(z_k) / Σ_j e^(z_j)。</translation>
    </message>
    <message>
        <source>The predicted probability of each class.</source>
        <translation>每个类别的预测概率。</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>For softmax: the class whose score z_k the contributions add up to.</source>
        <translation>对 softmax：贡献加起来构成其得分 z_k 的类别。</translation>
    </message>
    <message>
        <source>Each feature&apos;s contribution wᵢ·xᵢ to the score z, coloured by the class it pushes towards.</source>
        <translation>每个特征对得分 z 的贡献 wᵢ·xᵢ，颜色表示它推向的类别。</translation>
    </message>
    <message>
        <source>all features</source>
        <translation>所有特征</translation>
    </message>
    <message>
        <source>Draw every feature&apos;s contribution (by default the {count} largest, the others summed in one bar).</source>
        <translation>绘制每个特征的贡献（默认只画最大的 {count} 个，其余合为一条）。</translation>
    </message>
    <message>
        <source>contribution wᵢ·xᵢ to z</source>
        <translation>对 z 的贡献 wᵢ·xᵢ</translation>
    </message>
    <message>
        <source>Each bar adds its value to z, so it multiplies e^z (for two classes: the odds) by e^(its value), written beside it. Hover a bar to read it in words.</source>
        <translation>每根条把它的值加到 z 上，因此把 e^z（两类时即几率）乘以 e^(它的值)，写在条旁边。把鼠标停在条上可读到文字说明。</translation>
    </message>
    <message>
        <source>The sample&apos;s feature values: in the data&apos;s own units and as the model sees them (standardised).</source>
        <translation>样本的特征值：数据自身的单位，以及模型看到的值（标准化后）。</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>scaled x</source>
        <translation>缩放后的 x</translation>
    </message>
    <message>
        <source>All test samples; click a row to inspect it.</source>
        <translation>所有测试样本；点击一行查看它。</translation>
    </message>
    <message>
        <source>This sample&apos;s features</source>
        <translation>此样本的特征</translation>
    </message>
    <message>
        <source>All test samples</source>
        <translation>所有测试样本</translation>
    </message>
    <message>
        <source>Test sample</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <source>Weights after epoch {epoch:,}:</source>
        <translation>第 {epoch:,} 轮之后的权重：</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>No data.</source>
        <translation>没有数据。</translation>
    </message>
    <message>
        <source>True label: &lt;b&gt;{label}&lt;/b&gt;</source>
        <translation>真实标签：&lt;b&gt;{label}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not trained yet: press Train or Step.</source>
        <translation>尚未训练：请按“训练”或“单步”。</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Predicted: &lt;b&gt;{label}&lt;/b&gt; (P = {probability:.3f}) &lt;span style=&apos;color:{color}&apos;&gt;✓ right&lt;/span&gt;</source>
        <translation>预测：&lt;b&gt;{label}&lt;/b&gt;（P = {probability:.3f}）&lt;span style=&apos;color:{color}&apos;&gt;✓ 正确&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Predicted: &lt;b&gt;{label}&lt;/b&gt; (P = {probability:.3f}) &lt;span style=&apos;color:{color}&apos;&gt;✗ wrong&lt;/span&gt;</source>
        <translation>预测：&lt;b&gt;{label}&lt;/b&gt;（P = {probability:.3f}）&lt;span style=&apos;color:{color}&apos;&gt;✗ 错误&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Scores: {scores} (the 3 largest of {count}); P = softmax(z).</source>
        <translation>得分：{scores}（{count} 个中最大的 3 个）；P = softmax(z)。</translation>
    </message>
    <message>
        <source>Scores: {scores}; P = softmax(z).</source>
        <translation>得分：{scores}；P = softmax(z)。</translation>
    </message>
    <message>
        <source>the {shown} most probable of {count} classes</source>
        <translation>{count} 个类别中概率最高的 {shown} 个</translation>
    </message>
    <message>
        <source>Contributions wᵢ·xᵢ to z: a bar in the colour of “{second}” pushes towards it, one in the colour of “{first}” towards that class.</source>
        <translation>对 z 的贡献 wᵢ·xᵢ：“{second}”颜色的条推向该类别，“{first}”颜色的条推向那个类别。</translation>
    </message>
    <message>
        <source>Contributions wᵢ·xᵢ to z of “{name}”: in its colour they push towards it, grey ones away from it.</source>
        <translation>对“{name}”的得分 z 的贡献 wᵢ·xᵢ：其颜色的条推向它，灰色的条推离它。</translation>
    </message>
    <message>
        <source>{count} others (sum)</source>
        <translation>其余 {count} 个（合计）</translation>
    </message>
</context>
<context>
    <name>PresetControls</name>
    <message>
        <source>Locked by the preset (View ▸ Show every control).</source>
        <translation>已被预设锁定(视图 ▸ 显示所有控件)。</translation>
    </message>
</context>
<context>
    <name>PresetDialog</name>
    <message>
        <source>Save as preset</source>
        <translation>另存为预设</translation>
    </message>
    <message>
        <source>Title (shown when the preset is opened):</source>
        <translation>标题(打开预设时显示):</translation>
    </message>
    <message>
        <source>Lesson to start:</source>
        <translation>要开始的课程:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The data and model settings and the tab shown are saved as they are now. Tick what the class should not see (Hide) or not change (Lock).</source>
        <translation>数据和模型设置以及当前显示的标签页按现状保存。勾选学生不应看到的(隐藏)或不应更改的(锁定)控件。</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>控件</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RegularizationPathView</name>
    <message>
        <source>The penalty whose path is drawn (its L1 ratio is the form&apos;s).</source>
        <translation>要绘制其路径的惩罚（L1 比例取表单中的值）。</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>elastic net</source>
        <translation>弹性网</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>The exact optimum at 40 strengths (strong to weak, each started from the one before) and each strength&apos;s 5-fold cross-validated log-loss, in the background.</source>
        <translation>在后台求出 40 个强度下的精确最优解（从强到弱，每个都从前一个出发），以及每个强度的 5 折交叉验证对数损失。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the computation.</source>
        <translation>停止计算。</translation>
    </message>
    <message>
        <source>Use the best α</source>
        <translation>使用最佳 α</translation>
    </message>
    <message>
        <source>Set the penalty to the strength with the lowest cross-validated log-loss.</source>
        <translation>把惩罚设为交叉验证对数损失最低的强度。</translation>
    </message>
    <message>
        <source>Top: each weight of the best model against the penalty&apos;s strength α (log scale, strong on the left). Bottom: the cross-validated log-loss of each α. Click the path to use that α.</source>
        <translation>上：最佳模型的每个权重随惩罚强度 α 的变化（对数坐标，左边强）。下：每个 α 的交叉验证对数损失。点击路径即可使用那个 α。</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>strength α of the penalty</source>
        <translation>惩罚强度 α</translation>
    </message>
    <message>
        <source>CV log-loss</source>
        <translation>交叉验证对数损失</translation>
    </message>
    <message>
        <source>Computing the path…</source>
        <translation>正在计算路径…</translation>
    </message>
    <message>
        <source>Press Compute to see every weight of the best model as the penalty weakens: L1 sets weights to exactly 0 and lets them in one by one, L2 shrinks them all together.</source>
        <translation>按“计算”，看惩罚减弱时最佳模型的每个权重如何变化：L1 把权重设为恰好 0，再让它们一个个进入；L2 则把它们一起缩小。</translation>
    </message>
    <message>
        <source>{kind} path, α from {strong:.3g} down to {weak:.3g}: {zeros_strong:,} of the {count:,} weights are exactly 0 at the strongest, {zeros_weak:,} at the weakest. The cross-validated log-loss is lowest at α = {best:.3g} ({loss:.4f}, dashed).</source>
        <translation>{kind} 路径，α 从 {strong:.3g} 降到 {weak:.3g}：最强时 {count:,} 个权重中有 {zeros_strong:,} 个恰好为 0，最弱时有 {zeros_weak:,} 个。交叉验证对数损失在 α = {best:.3g} 时最低（{loss:.4f}，虚线）。</translation>
    </message>
    <message>
        <source>Elastic-net</source>
        <translation>弹性网</translation>
    </message>
    <message>
        <source>The run shown uses α = {alpha:.3g} (the solid line).</source>
        <translation>所示的训练使用 α = {alpha:.3g}（实线）。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>{source}: {train:,} training and {test:,} test samples, {features} features, {classes} classes; standardised on the training part.</source>
        <translation>{source}：{train:,} 个训练样本和 {test:,} 个测试样本，{features} 个特征，{classes} 个类别；在训练集上标准化。</translation>
    </message>
    <message>
        <source>{source}: {train:,} training and {test:,} test samples, {features} features, {classes} classes.</source>
        <translation>{source}：{train:,} 个训练样本和 {test:,} 个测试样本，{features} 个特征，{classes} 个类别。</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>{rate:g} from epoch {epoch:,}</source>
        <translation>从第 {epoch:,} 轮起为 {rate:g}</translation>
    </message>
    <message>
        <source>The run {message}</source>
        <translation>本次运行{message}</translation>
    </message>
    <message>
        <source>The run is going on.</source>
        <translation>运行仍在进行。</translation>
    </message>
    <message>
        <source>Learning rate: {rates}.</source>
        <translation>学习率：{rates}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; {warning}</source>
        <translation>&lt;b&gt;警告：&lt;/b&gt;{warning}</translation>
    </message>
    <message>
        <source>loss and accuracy by epoch</source>
        <translation>各轮的损失和准确率</translation>
    </message>
    <message>
        <source>Gradient descent reached {value:.6g}, {gap:.3g} above it.</source>
        <translation>梯度下降达到 {value:.6g}，比它高 {gap:.3g}。</translation>
    </message>
    <message>
        <source>decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>log-loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <source>Evaluation after epoch {epoch:,}</source>
        <translation>第 {epoch:,} 轮后的评估</translation>
    </message>
    <message>
        <source>Class {name} is predicted when P({name}) &gt; t = {threshold:.3f} (the decision threshold).</source>
        <translation>当 P({name}) &gt; t = {threshold:.3f}（决策阈值）时预测为类别 {name}。</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>true {name}</source>
        <translation>真实 {name}</translation>
    </message>
    <message>
        <source>pred. {name}</source>
        <translation>预测 {name}</translation>
    </message>
    <message>
        <source>Confusion matrix of the test samples:</source>
        <translation>测试样本的混淆矩阵：</translation>
    </message>
    <message>
        <source>Test sample {index}</source>
        <translation>测试样本 {index}</translation>
    </message>
    <message>
        <source>True class: &lt;b&gt;{true}&lt;/b&gt;; predicted: &lt;b&gt;{predicted}&lt;/b&gt; with probability {probability:.3f}.</source>
        <translation>真实类别：&lt;b&gt;{true}&lt;/b&gt;；预测：&lt;b&gt;{predicted}&lt;/b&gt;，概率为 {probability:.3f}。</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>特征</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Start training from new initial weights on the current data: w ← w − η·∇J(w) every epoch.</source>
        <translation>在当前数据上从新的初始权重开始训练：每轮执行 w ← w − η·∇J(w)。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause training after the current epoch; press again to resume.</source>
        <translation>在当前轮结束后暂停训练；再按一次继续。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Run exactly one epoch, then pause (starts a paused run if none is going).</source>
        <translation>只运行一轮，然后暂停（若没有正在进行的运行，则开始一个暂停的运行）。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run; the weights stay as they are for inspection.</source>
        <translation>结束本次运行；权重保持原样以供查看。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Discard the weights and draw new initial ones; the data stay the same.</source>
        <translation>丢弃权重并重新抽取初始权重；数据保持不变。</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Train every optimizer — gradient descent, momentum, Nesterov, Adam and Newton — from the same initial weights on the same data, side by side on the loss plot and the landscape.</source>
        <translation>用相同的初始权重在相同数据上训练每种优化器——梯度下降、动量、Nesterov、Adam 和牛顿法——在损失图和损失地形上并排比较。</translation>
    </message>
    <message>
        <source>Training speed, from a few epochs per second (to watch gradient descent move) to as fast as possible.</source>
        <translation>训练速度：从每秒几轮（便于观察梯度下降的移动）到尽可能快。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>{speed} epochs/s</source>
        <translation>每秒 {speed} 轮</translation>
    </message>
    <message>
        <source>Disabled: {reason}</source>
        <translation>不可用：{reason}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <source>{seconds:.0f} s</source>
        <translation>{seconds:.0f} 秒</translation>
    </message>
    <message>
        <source>{minutes:.0f} min {seconds:02.0f} s</source>
        <translation>{minutes:.0f} 分 {seconds:02.0f} 秒</translation>
    </message>
    <message>
        <source>{hours:.0f} h {minutes:02.0f} min</source>
        <translation>{hours:.0f} 小时 {minutes:02.0f} 分</translation>
    </message>
    <message>
        <source>Epochs run of the run&apos;s total, the speed of training and the time left.</source>
        <translation>已运行的轮数占总轮数的比例、训练速度和剩余时间。</translation>
    </message>
    <message>
        <source>How far gradient descent still is from the optimum of the training objective (the lowest possible value of the curve it minimises, found exactly).</source>
        <translation>梯度下降距离训练目标函数的最优值（它所最小化的曲线可能达到的最低值，精确求得）还有多远。</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>还没有运行</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>epoch {epoch:,} of {total:,}</source>
        <translation>第 {epoch:,} 轮，共 {total:,} 轮</translation>
    </message>
    <message>
        <source>epoch {epoch:,} of {total:,} (shown; the run is at {run:,})</source>
        <translation>第 {epoch:,} 轮，共 {total:,} 轮（显示中；运行已到第 {run:,} 轮）</translation>
    </message>
    <message>
        <source>{rate:,.0f} epochs/s — {left} left</source>
        <translation>每秒 {rate:,.0f} 轮 — 剩余 {left}</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Finding the optimum of the training objective…</source>
        <translation>正在求训练目标函数的最优值…</translation>
    </message>
    <message>
        <source>Gradient descent is at {value:.6g} (epoch {epoch:,}): {gap:.3g} above it.</source>
        <translation>梯度下降目前为 {value:.6g}（第 {epoch:,} 轮）：比最优值高 {gap:.3g}。</translation>
    </message>
</context>
<context>
    <name>RunsList</name>
    <message>
        <source>Every Train keeps the run before on the loss plot, faded, named by what differed. Untick a run to hide it.</source>
        <translation>每次按“训练”都会把之前的运行以淡色保留在损失图上，并以不同之处命名。取消勾选可隐藏某次运行。</translation>
    </message>
    <message>
        <source>Clear earlier runs</source>
        <translation>清除之前的运行</translation>
    </message>
    <message>
        <source>Forget the earlier runs (the current one stays).</source>
        <translation>忘记之前的运行（当前运行保留）。</translation>
    </message>
    <message>
        <source>Runs on the plot</source>
        <translation>图上的运行</translation>
    </message>
    <message>
        <source>{label} (current)</source>
        <translation>{label}（当前）</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>race {number}</source>
        <translation>竞赛 {number}</translation>
    </message>
    <message>
        <source>run {number}</source>
        <translation>运行 {number}</translation>
    </message>
    <message>
        <source>{label} (from epoch {epoch:,} of {run})</source>
        <translation>{label}（从{run}的第 {epoch:,} 轮开始）</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批</translation>
    </message>
    <message>
        <source>penalty</source>
        <translation>惩罚</translation>
    </message>
    <message>
        <source>class weights</source>
        <translation>类别权重</translation>
    </message>
    <message>
        <source>init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>平衡</translation>
    </message>
    <message>
        <source>run {number}: {settings}</source>
        <translation>运行 {number}: {settings}</translation>
    </message>
    <message>
        <source>race {number}: {solver}</source>
        <translation>竞赛 {number}: {solver}</translation>
    </message>
    <message>
        <source>the blog&apos;s code</source>
        <translation>博客的代码</translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>Settings of last time that did not fit were reset to their defaults: {names}.</source>
        <translation>上次的一些设置不合适，已恢复为默认值：{names}。</translation>
    </message>
    <message>
        <source>The data file of last time, {path}, is not there any more.</source>
        <translation>上次的数据文件 {path} 已不存在。</translation>
    </message>
    <message>
        <source>The settings could not be written to {path}.</source>
        <translation>设置无法写入 {path}。</translation>
    </message>
    <message>
        <source>The settings file {path} could not be read ({what}); it was moved to {aside} and the defaults are used.</source>
        <translation>无法读取设置文件 {path}（{what}）；它已被移到 {aside}，现使用默认设置。</translation>
    </message>
    <message>
        <source>The settings file {path} could not be read ({what}) nor moved away; settings are not kept this time.</source>
        <translation>无法读取设置文件 {path}（{what}），也无法将其移开；本次不会保存设置。</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>it is far too large</source>
        <translation>它太大了</translation>
    </message>
</context>
<context>
    <name>SigmoidView</name>
    <message>
        <source>score z = w·x + b</source>
        <translation>得分 z = w·x + b</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Left: the sigmoid P = σ(z) = 1 / (1 + e^(−z)) turns a score z = w·x + b into a probability. Each test sample sits at its score, at height 1 or 0 by its class; the selected one is read off the curve. Dashed: the decision threshold.</source>
        <translation>左：sigmoid 函数 P = σ(z) = 1 / (1 + e^(−z)) 把得分 z = w·x + b 变成概率。每个测试样本位于它的得分处，按类别画在高度 1 或 0；选中的样本在曲线上读出其概率。虚线：决策阈值。</translation>
    </message>
    <message>
        <source>Right: the loss of one sample is −log p, p the probability the model gives its true class: 0 when sure and right, large when sure and wrong — a confidently wrong sample costs the most, and pulls the weights the hardest.</source>
        <translation>右：一个样本的损失是 −log p，p 是模型给其真实类别的概率：确信且正确时为 0，确信却错误时很大——自信的错误代价最高，对权重的拉动也最强。</translation>
    </message>
    <message>
        <source>p of the true class</source>
        <translation>真实类别的 p</translation>
    </message>
    <message>
        <source>loss −log p</source>
        <translation>损失 −log p</translation>
    </message>
    <message>
        <source>Train a model to see its samples on the sigmoid.</source>
        <translation>训练一个模型，即可看到样本在 sigmoid 曲线上的位置。</translation>
    </message>
    <message>
        <source>Test sample {index} (truly {true}), weights after epoch {epoch:,}: z = w·x + b = {z:.4g}, so P({name1}) = σ(z) = {p:.4f} {relation} t = {t:.3f} → {predicted}. The probability of its true class is {p_true:.4f}, so its loss is −log {p_true:.4f} = {loss:.4f}.</source>
        <translation>测试样本 {index}（真实为 {true}），第 {epoch:,} 轮之后的权重：z = w·x + b = {z:.4g}，所以 P({name1}) = σ(z) = {p:.4f} {relation} t = {t:.3f} → {predicted}。其真实类别的概率为 {p_true:.4f}，所以它的损失是 −log {p_true:.4f} = {loss:.4f}。</translation>
    </message>
    <message>
        <source>Test sample {index} (truly {true}), weights after epoch {epoch:,}: one score z_k per class, P_k = e^(z_k) / Σ e^(z_j) (the points). The curve is P({true}) as its score z moves with the others fixed — a sigmoid of z − log Σ_(j≠{true}) e^(z_j). P({true}) = {p_true:.4f}, so the loss is −log {p_true:.4f} = {loss:.4f}.</source>
        <translation>测试样本 {index}（真实为 {true}），第 {epoch:,} 轮之后的权重：每个类别一个得分 z_k，P_k = e^(z_k) / Σ e^(z_j)（图中的点）。曲线是其他得分固定时 P({true}) 随其得分 z 的变化——它是 z − log Σ_(j≠{true}) e^(z_j) 的 sigmoid。P({true}) = {p_true:.4f}，所以损失是 −log {p_true:.4f} = {loss:.4f}。</translation>
    </message>
</context>
<context>
    <name>StepInspector</name>
    <message>
        <source>Momentum also carries the earlier gradients: v ← μ·v + ∇J, θ ← θ − η·v, so the update is not −η·∇J of this epoch alone.</source>
        <translation>动量法还带着之前的梯度：v ← μ·v + ∇J，θ ← θ − η·v，所以更新量不只是本轮的 −η·∇J。</translation>
    </message>
    <message>
        <source>Nesterov momentum takes the gradient a step ahead and carries the earlier ones, so the update is not −η·∇J of this epoch alone.</source>
        <translation>Nesterov 动量在前方一步处取梯度，并带着之前的梯度，所以更新量不只是本轮的 −η·∇J。</translation>
    </message>
    <message>
        <source>Adam divides each weight&apos;s step by a running size of its gradients: the update is not −η·∇J; each weight moves by about η in the direction of its recent gradients.</source>
        <translation>Adam 把每个权重的步长除以其梯度的滑动大小：更新量不是 −η·∇J；每个权重沿其最近梯度的方向移动约 η。</translation>
    </message>
    <message>
        <source>Newton&apos;s method steps by −H⁻¹·∇J (the Hessian H is the curvature of J), not −η·∇J, and halves the step until J decreases.</source>
        <translation>牛顿法的步长为 −H⁻¹·∇J（Hessian H 是 J 的曲率），而不是 −η·∇J，并且会把步长减半直到 J 下降。</translation>
    </message>
    <message>
        <source>The class whose weights&apos; gradient and update are shown.</source>
        <translation>显示其权重梯度和更新量的类别。</translation>
    </message>
    <message>
        <source>One bar per weight: ∂J/∂θᵢ at the weights before the epoch. Gradient descent moves each weight against its bar: a long bar means a large step.</source>
        <translation>每个权重一条：在本轮之前的权重处的 ∂J/∂θᵢ。梯度下降让每个权重逆着它的条移动：条越长，步子越大。</translation>
    </message>
    <message>
        <source>gradient ∂J/∂θᵢ (delta_theta)</source>
        <translation>梯度 ∂J/∂θᵢ (delta_theta)</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>before θ (theta)</source>
        <translation>之前 θ (theta)</translation>
    </message>
    <message>
        <source>after θ</source>
        <translation>之后 θ</translation>
    </message>
    <message>
        <source>Δθ = after − before</source>
        <translation>Δθ = 之后 − 之前</translation>
    </message>
    <message>
        <source>This step could not be taken apart: {reason}</source>
        <translation>无法分解这一步：{reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step inspector&lt;/b&gt;: press &lt;b&gt;Step&lt;/b&gt; to run one epoch of gradient descent and see each line of the loop with its numbers.</source>
        <translation>&lt;b&gt;单步检查器&lt;/b&gt;：按&lt;b&gt;单步&lt;/b&gt;运行一轮梯度下降，查看循环中的每一行及其数值。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Epoch {epoch:,}&lt;/b&gt; is the initial state: press &lt;b&gt;Step&lt;/b&gt; to run the first epoch.</source>
        <translation>&lt;b&gt;第 {epoch:,} 轮&lt;/b&gt;是初始状态：按&lt;b&gt;单步&lt;/b&gt;运行第一轮。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Epoch {epoch:,}&lt;/b&gt;: the weights of epoch {previous:,} were not kept (a long run keeps every epoch&apos;s weights only lately), so this step cannot be taken apart. Step back to a recent epoch.</source>
        <translation>&lt;b&gt;第 {epoch:,} 轮&lt;/b&gt;：第 {previous:,} 轮的权重没有保留（长时间的运行只保留最近各轮的权重），因此无法拆解这一步。请后退到最近的一轮。</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>mini-batches of {size}</source>
        <translation>大小为 {size} 的小批量</translation>
    </message>
    <message>
        <source>&lt;b&gt;Epoch {epoch:,}&lt;/b&gt;: from the weights of epoch {previous:,} to those of epoch {epoch:,} — {solver}, η (lr) = {rate:g}, {batch}, {n:,} training samples, penalty {penalty}.</source>
        <translation>&lt;b&gt;第 {epoch:,} 轮&lt;/b&gt;：从第 {previous:,} 轮的权重到第 {epoch:,} 轮的权重——{solver}，η (lr) = {rate:g}，{batch}，{n:,} 个训练样本，惩罚 {penalty}。</translation>
    </message>
    <message>
        <source>J = {objective:.6g} at the weights before the epoch (cross-entropy {loss:.6g} + penalty {penalty:.4g}).</source>
        <translation>本轮之前的权重处 J = {objective:.6g}（交叉熵 {loss:.6g} + 惩罚 {penalty:.4g}）。</translation>
    </message>
    <message>
        <source>from the penalty&apos;s L2 part: α·(1 − r)·θ</source>
        <translation>来自惩罚的 L2 部分：α·(1 − r)·θ</translation>
    </message>
    <message>
        <source>from the L2 penalty: α·θ</source>
        <translation>来自 L2 惩罚：α·θ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Epoch {epoch:,}&lt;/b&gt;: from the weights of epoch {previous:,} to those of epoch {epoch:,} — {solver}, η (lr) = {rate:g}, {batch}, {n:,} training samples.</source>
        <translation>&lt;b&gt;第 {epoch:,} 轮&lt;/b&gt;：从第 {previous:,} 轮的权重到第 {epoch:,} 轮的权重 — {solver}，η (lr) = {rate:g}，{batch}，{n:,} 个训练样本。</translation>
    </message>
    <message>
        <source>The loss is weighted by class ({weights}): each sample counts its class&apos;s weight s.</source>
        <translation>损失按类别加权（{weights}）：每个样本计其类别的权重 s。</translation>
    </message>
    <message>
        <source>&lt;b&gt;1. Forward pass&lt;/b&gt; — z = θ·x + b, ŷ = σ(z) &lt;span style=&apos;color:#555&apos;&gt;(blog: &lt;code&gt;z = np.dot(theta, X.T) + bias&lt;/code&gt;; &lt;code&gt;y_hat = sigmoid(z)&lt;/code&gt;)&lt;/span&gt;</source>
        <translation>&lt;b&gt;1. 前向传播&lt;/b&gt; — z = θ·x + b，ŷ = σ(z) &lt;span style=&apos;color:#555&apos;&gt;（博客：&lt;code&gt;z = np.dot(theta, X.T) + bias&lt;/code&gt;；&lt;code&gt;y_hat = sigmoid(z)&lt;/code&gt;）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Test sample {index} (the one selected), with the weights before this epoch (after epoch {previous:,}): z = {z} → ŷ = {what} = {p}; its true class is {truth}, so its loss is −log P({truth}) = {loss}.</source>
        <translation>测试样本 {index}（选中的那个），用本轮之前的权重（第 {previous:,} 轮之后）：z = {z} → ŷ = {what} = {p}；它的真实类别是 {truth}，所以它的损失是 −log P({truth}) = {loss}。</translation>
    </message>
    <message>
        <source>Test sample {index} (the one selected), with the weights before this epoch (after epoch {previous:,}): z = {z} → ŷ = {what} = {p}; its true class is {truth}.</source>
        <translation>测试样本 {index}（选中的那个），用本轮之前的权重（第 {previous:,} 轮之后）：z = {z} → ŷ = {what} = {p}；它的真实类别是 {truth}。</translation>
    </message>
    <message>
        <source>With the weights after epoch {epoch:,} (this update&apos;s result, as the prediction panel shows them): z = {z} → ŷ = {what} = {p}.</source>
        <translation>用第 {epoch:,} 轮之后的权重（即这次更新的结果，与预测面板所示相同）：z = {z} → ŷ = {what} = {p}。</translation>
    </message>
    <message>
        <source>Over the {n:,} training samples: mean ŷ = {mean}; {accuracy:.1%} classified right.</source>
        <translation>在 {n:,} 个训练样本上：ŷ 的均值 = {mean}；{accuracy:.1%} 分类正确。</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Loss&lt;/b&gt; — J(θ) = weighted mean cross-entropy (1/m)·Σ sᵢ·ℓᵢ{penalty}, sᵢ the weight of sample i&apos;s class &lt;span style=&apos;color:#555&apos;&gt;(blog, unweighted: &lt;code&gt;loss = -np.mean(y*np.log(y_hat) + (1-y)*np.log(1-y_hat))&lt;/code&gt;)&lt;/span&gt;</source>
        <translation>&lt;b&gt;2. 损失&lt;/b&gt; — J(θ) = 加权平均交叉熵 (1/m)·Σ sᵢ·ℓᵢ{penalty}，sᵢ 为样本 i 所属类别的权重 &lt;span style=&apos;color:#555&apos;&gt;（博客，不加权：&lt;code&gt;loss = -np.mean(y*np.log(y_hat) + (1-y)*np.log(1-y_hat))&lt;/code&gt;）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Loss&lt;/b&gt; — J(θ) = mean cross-entropy{penalty} &lt;span style=&apos;color:#555&apos;&gt;(blog: &lt;code&gt;loss = -np.mean(y*np.log(y_hat) + (1-y)*np.log(1-y_hat))&lt;/code&gt;)&lt;/span&gt;</source>
        <translation>&lt;b&gt;2. 损失&lt;/b&gt; — J(θ) = 平均交叉熵{penalty} &lt;span style=&apos;color:#555&apos;&gt;（博客：&lt;code&gt;loss = -np.mean(y*np.log(y_hat) + (1-y)*np.log(1-y_hat))&lt;/code&gt;）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>J = {objective:.6g} at the weights before the epoch (weighted cross-entropy {loss:.6g} + penalty {penalty:.4g}).</source>
        <translation>本轮之前的权重处 J = {objective:.6g}（加权交叉熵 {loss:.6g} + 惩罚 {penalty:.4g}）。</translation>
    </message>
    <message>
        <source>J = {objective:.6g} at the weights before the epoch.</source>
        <translation>在本轮之前的权重处 J = {objective:.6g}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Gradient&lt;/b&gt; — ∇θ = s·(ŷ − y)·X / m, ∇b = mean(s·(ŷ − y)){penalty} with m = the number of samples and s each sample&apos;s class weight &lt;span style=&apos;color:#555&apos;&gt;(blog: &lt;code&gt;delta_theta&lt;/code&gt;, &lt;code&gt;delta_bias&lt;/code&gt;)&lt;/span&gt;</source>
        <translation>&lt;b&gt;3. 梯度&lt;/b&gt; — ∇θ = s·(ŷ − y)·X / m，∇b = mean(s·(ŷ − y)){penalty}，其中 m 为样本数，s 为每个样本的类别权重 &lt;span style=&apos;color:#555&apos;&gt;（博客：&lt;code&gt;delta_theta&lt;/code&gt;、&lt;code&gt;delta_bias&lt;/code&gt;）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Gradient&lt;/b&gt; — ∇θ = s·(ŷ − y)·X / m, ∇b = mean(s·(ŷ − y)){penalty} with m = the number of samples and s each sample&apos;s class weight &lt;span style=&apos;color:#555&apos;&gt;(blog: &lt;code&gt;delta_theta&lt;/code&gt;, &lt;code&gt;delta_bias&lt;/code&gt;)&lt;/span&gt; — the weights of {name}</source>
        <translation>&lt;b&gt;3. 梯度&lt;/b&gt; — ∇θ = s·(ŷ − y)·X / m，∇b = mean(s·(ŷ − y)){penalty}，其中 m 为样本数，s 为每个样本的类别权重 &lt;span style=&apos;color:#555&apos;&gt;（博客：&lt;code&gt;delta_theta&lt;/code&gt;、&lt;code&gt;delta_bias&lt;/code&gt;）&lt;/span&gt; — {name} 的权重</translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Gradient&lt;/b&gt; — ∇θ = (ŷ − y)·X / m, ∇b = mean(ŷ − y){penalty} with m = the number of samples &lt;span style=&apos;color:#555&apos;&gt;(blog: &lt;code&gt;delta_theta&lt;/code&gt;, &lt;code&gt;delta_bias&lt;/code&gt;)&lt;/span&gt;</source>
        <translation>&lt;b&gt;3. 梯度&lt;/b&gt; — ∇θ = (ŷ − y)·X / m，∇b = mean(ŷ − y){penalty}，其中 m = 样本数 &lt;span style=&apos;color:#555&apos;&gt;（博客：&lt;code&gt;delta_theta&lt;/code&gt;、&lt;code&gt;delta_bias&lt;/code&gt;）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;3. Gradient&lt;/b&gt; — ∇θ = (ŷ − y)·X / m, ∇b = mean(ŷ − y){penalty} with m = the number of samples &lt;span style=&apos;color:#555&apos;&gt;(blog: &lt;code&gt;delta_theta&lt;/code&gt;, &lt;code&gt;delta_bias&lt;/code&gt;)&lt;/span&gt; — the weights of {name}</source>
        <translation>&lt;b&gt;3. 梯度&lt;/b&gt; — ∇θ = (ŷ − y)·X / m，∇b = mean(ŷ − y){penalty}，其中 m = 样本数 &lt;span style=&apos;color:#555&apos;&gt;（博客：&lt;code&gt;delta_theta&lt;/code&gt;、&lt;code&gt;delta_bias&lt;/code&gt;）&lt;/span&gt; — {name} 的权重</translation>
    </message>
    <message>
        <source>&lt;b&gt;4. Update&lt;/b&gt; — θ ← θ − η·∇θ, b ← b − η·∇b &lt;span style=&apos;color:#555&apos;&gt;(blog: &lt;code&gt;theta = theta - lr * delta_theta&lt;/code&gt;; &lt;code&gt;bias = bias - lr * delta_bias&lt;/code&gt;)&lt;/span&gt;</source>
        <translation>&lt;b&gt;4. 更新&lt;/b&gt; — θ ← θ − η·∇θ，b ← b − η·∇b &lt;span style=&apos;color:#555&apos;&gt;（博客：&lt;code&gt;theta = theta - lr * delta_theta&lt;/code&gt;；&lt;code&gt;bias = bias - lr * delta_bias&lt;/code&gt;）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>b (bias)</source>
        <translation>b(偏置)</translation>
    </message>
    <message>
        <source>&lt;b&gt;5. Proximal step&lt;/b&gt; (the L1 part of the penalty) — after the update every weight moves {strength} = {threshold:.4g} towards 0, and stops at exactly 0 if it would cross it: θ ← sign(θ)·max(|θ| − {strength}, 0); the bias is not penalised &lt;span style=&apos;color:#555&apos;&gt;(in numpy: &lt;code&gt;theta = np.sign(theta) * np.maximum(np.abs(theta) - {code}, 0)&lt;/code&gt;)&lt;/span&gt;</source>
        <translation>&lt;b&gt;5. 近端步骤&lt;/b&gt;（惩罚的 L1 部分）——更新之后，每个权重向 0 移动 {strength} = {threshold:.4g}，若会越过 0 就恰好停在 0：θ ← sign(θ)·max(|θ| − {strength}, 0)；偏置不受惩罚 &lt;span style=&apos;color:#555&apos;&gt;（用 numpy：&lt;code&gt;theta = np.sign(theta) * np.maximum(np.abs(theta) - {code}, 0)&lt;/code&gt;）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>This epoch it moved the weights by up to {largest:.4g} and set {zeroed:,} of them to exactly 0 that the update had left non-zero; after it {zeros:,} of the {count:,} weights are exactly 0.</source>
        <translation>本轮它把权重最多移动了 {largest:.4g}，并把更新后仍非零的 {zeroed:,} 个权重设为恰好 0；之后 {count:,} 个权重中有 {zeros:,} 个恰好为 0。</translation>
    </message>
    <message>
        <source>It follows every update (every mini-batch&apos;s); after this epoch {zeros:,} of the {count:,} weights are exactly 0.</source>
        <translation>它跟在每次更新（每个小批量的更新）之后；本轮之后 {count:,} 个权重中有 {zeros:,} 个恰好为 0。</translation>
    </message>
    <message>
        <source>from the data: s·(ŷ − y)·x / m</source>
        <translation>来自数据：s·(ŷ − y)·x / m</translation>
    </message>
    <message>
        <source>from the data: (ŷ − y)·x / m</source>
        <translation>来自数据：(ŷ − y)·x / m</translation>
    </message>
    <message>
        <source>from the data: s·(ŷ − y)·x / m (the {shown} largest of {count})</source>
        <translation>来自数据：s·(ŷ − y)·x / m（{count} 个中最大的 {shown} 个）</translation>
    </message>
    <message>
        <source>from the data: (ŷ − y)·x / m (the {shown} largest of {count})</source>
        <translation>来自数据：(ŷ − y)·x / m（{count} 个中最大的 {shown} 个）</translation>
    </message>
    <message>
        <source>Its gradient is &lt;code&gt;np.dot(X.T, (y_hat - y)) / X.shape[1]&lt;/code&gt;: it divides by the number of &lt;i&gt;features&lt;/i&gt; ({d}) instead of the number of &lt;i&gt;samples&lt;/i&gt; ({n:,}), so each of its steps is {ratio:.3g}× longer than its learning rate says, and a learning rate that works there does not carry over to other data.</source>
        <translation>博客的梯度是 &lt;code&gt;np.dot(X.T, (y_hat - y)) / X.shape[1]&lt;/code&gt;：它除以的是&lt;i&gt;特征&lt;/i&gt;数（{d}），而不是&lt;i&gt;样本&lt;/i&gt;数（{n:,}），所以它的每一步都比学习率所说的长 {ratio:.3g} 倍，在那里好用的学习率换到其他数据上就不再适用。</translation>
    </message>
    <message>
        <source>Its gradient is &lt;code&gt;np.dot(X.T, (y_hat - y)) / X.shape[1]&lt;/code&gt;: it divides by the number of &lt;i&gt;features&lt;/i&gt; ({d}) instead of the number of &lt;i&gt;samples&lt;/i&gt; ({n:,}), so each of its steps is {ratio:.3g}× shorter than its learning rate says, and a learning rate that works there does not carry over to other data.</source>
        <translation>博客的梯度是 &lt;code&gt;np.dot(X.T, (y_hat - y)) / X.shape[1]&lt;/code&gt;：它除以的是&lt;i&gt;特征&lt;/i&gt;数（{d}），而不是&lt;i&gt;样本&lt;/i&gt;数（{n:,}），所以它的每一步都比学习率所说的短 {ratio:.3g} 倍，在那里好用的学习率换到其他数据上就不再适用。</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the blog does differently.&lt;/b&gt;</source>
        <translation>&lt;b&gt;博客的做法有何不同。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Its sigmoid &lt;code&gt;1/(1+np.exp(-z))&lt;/code&gt; overflows for z below about −709 (a warning, then log(0) in the loss); here σ and the loss are computed without overflow.</source>
        <translation>博客的 sigmoid &lt;code&gt;1/(1+np.exp(-z))&lt;/code&gt; 在 z 小于约 −709 时会溢出（先出现警告，然后损失中出现 log(0)）；这里 σ 和损失的计算不会溢出。</translation>
    </message>
    <message>
        <source>The shuffled order of this epoch&apos;s mini-batches is not kept any more (only the latest epochs&apos; are), so its updates cannot be replayed; Δθ is the sum of them.</source>
        <translation>本轮小批量的打乱顺序已不再保留（只保留最近几轮的），因此无法重放其更新；Δθ 是它们的总和。</translation>
    </message>
    <message>
        <source>Check: Δθ = θ after − θ before equals −η·∇ followed by the proximal step for every weight and the bias (largest difference {gap:.1g}: rounding).</source>
        <translation>检查：对每个权重和偏置，Δθ = 之后的 θ − 之前的 θ 都等于 −η·∇ 再加近端步骤（最大差异 {gap:.1g}：舍入误差）。</translation>
    </message>
    <message>
        <source>Check: Δθ = θ after − θ before equals −η·∇ for every weight and the bias (largest difference {gap:.1g}: rounding).</source>
        <translation>检查：对每个权重和偏置，Δθ = 之后的 θ − 之前的 θ 都等于 −η·∇（最大差异 {gap:.1g}：舍入误差）。</translation>
    </message>
    <message>
        <source>Check: this epoch made {count} updates, one per mini-batch; replaying them from θ before gives θ after (largest difference {gap:.1g}). The −η·∇ column is one full-batch step, for comparison: the mini-batch steps add up to Δθ.</source>
        <translation>检查：本轮共做了 {count} 次更新，每个小批量一次；从之前的 θ 重放它们得到之后的 θ（最大差异 {gap:.1g}）。−η·∇ 列是一次全批量的步长，供比较：各小批量的步长加起来等于 Δθ。</translation>
    </message>
    <message>
        <source>batch {number} ({count} samples, loss {loss:.4g}): rows {rows}</source>
        <translation>第 {number} 批（{count} 个样本，损失 {loss:.4g}）：行 {rows}</translation>
    </message>
    <message>
        <source>… {count} more batches</source>
        <translation>… 还有 {count} 批</translation>
    </message>
    <message>
        <source>&lt;b&gt;The mini-batches of this epoch&lt;/b&gt; (training rows, shuffled anew every epoch): {batches}.</source>
        <translation>&lt;b&gt;本轮的小批量&lt;/b&gt;（训练集的行，每轮重新打乱）：{batches}。</translation>
    </message>
</context>
<context>
    <name>TestSamplesModel</name>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
</context>
<context>
    <name>ThresholdControl</name>
    <message>
        <source>The decision threshold t: a sample is predicted as the second class when its probability is above t. Every view follows it; training does not change it.</source>
        <translation>决策阈值 t：样本的概率高于 t 时预测为第二个类别。所有视图都随之改变；训练不会改变它。</translation>
    </message>
    <message>
        <source>Best F1</source>
        <translation>最佳 F1</translation>
    </message>
    <message>
        <source>Move the threshold to where F1 is highest on the training samples (never on the test samples: they judge the choice).</source>
        <translation>把阈值移到训练样本上 F1 最高之处（绝不用测试样本：它们用来评判这个选择）。</translation>
    </message>
    <message>
        <source>Best balanced</source>
        <translation>最佳平衡</translation>
    </message>
    <message>
        <source>Move the threshold to where the balanced accuracy (the mean of the two classes&apos; recalls) is highest on the training samples.</source>
        <translation>把阈值移到训练样本上平衡准确率（两类召回率的平均值）最高之处。</translation>
    </message>
    <message>
        <source>Threshold: two classes only</source>
        <translation>阈值：仅限两类</translation>
    </message>
    <message>
        <source>0.5</source>
        <translation>0.5</translation>
    </message>
    <message>
        <source>Back to 0.5, the threshold of predict().</source>
        <translation>回到 0.5，即 predict() 的阈值。</translation>
    </message>
    <message>
        <source>Decision threshold: with {count} classes the class of highest probability is predicted; a threshold applies to two classes only.</source>
        <translation>决策阈值：有 {count} 个类别时预测概率最高的类别；阈值只适用于两个类别。</translation>
    </message>
    <message>
        <source>Threshold t</source>
        <translation>阈值 t</translation>
    </message>
    <message>
        <source>the second class</source>
        <translation>第二个类别</translation>
    </message>
    <message>
        <source>Decision threshold t: {name} when P({name}) &gt; t</source>
        <translation>决策阈值 t：P({name}) &gt; t 时为 {name}</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>TrainingLog</name>
    <message>
        <source>The blog&apos;s log: the train loss and accuracy (and the test ones) every N epochs; select and copy freely.</source>
        <translation>博客的日志：每 N 轮输出一次训练集损失和准确率（以及测试集的）；可以随意选择和复制。</translation>
    </message>
    <message>
        <source>A line every this many epochs (the blog prints every 100).</source>
        <translation>每隔这么多轮输出一行（博客是每 100 轮）。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Empty the log shown; it is written again from the runs when they change or when “A line every” changes.</source>
        <translation>清空显示的日志；当运行改变或“每隔多少轮一行”改变时，会根据运行重新写出。</translation>
    </message>
    <message>
        <source>A line every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮输出一行</translation>
    </message>
    <message>
        <source>{epochs:,} epochs</source>
        <translation>{epochs:,} 轮</translation>
    </message>
    <message>
        <source>{label} — {details}</source>
        <translation>{label} — {details}</translation>
    </message>
    <message>
        <source>learning rate {rate:g} from epoch {epoch:,} on</source>
        <translation>从第 {epoch:,} 轮起学习率为 {rate:g}</translation>
    </message>
    <message>
        <source>paused at epoch {epoch:,}</source>
        <translation>在第 {epoch:,} 轮暂停</translation>
    </message>
    <message>
        <source>⚠ at epoch {epoch:,}: {warning}</source>
        <translation>⚠ 第 {epoch:,} 轮：{warning}</translation>
    </message>
    <message>
        <source>resumed at epoch {epoch:,}</source>
        <translation>在第 {epoch:,} 轮继续</translation>
    </message>
    <message>
        <source>training {message}</source>
        <translation>训练{message}</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>cannot train on these data: {error}</source>
        <translation>无法在这些数据上训练：{error}</translation>
    </message>
    <message>
        <source>training could not start: {kind}: {error}</source>
        <translation>训练无法开始：{kind}：{error}</translation>
    </message>
    <message>
        <source>training failed: {kind}: {error}</source>
        <translation>训练失败：{kind}：{error}</translation>
    </message>
</context>
<context>
    <name>ValidationController</name>
    <message>
        <source>The computation was cancelled.</source>
        <translation>计算已取消。</translation>
    </message>
    <message>
        <source>It could not be computed: {reason}</source>
        <translation>无法计算：{reason}</translation>
    </message>
    <message>
        <source>The data changed: press Compute again.</source>
        <translation>数据已改变：请再按一次“计算”。</translation>
    </message>
</context>
<context>
    <name>ValidationView</name>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>balanced
accuracy</source>
        <translation>平衡
准确率</translation>
    </message>
    <message>
        <source>log-loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>ROC AUC</source>
        <translation>ROC AUC</translation>
    </message>
    <message>
        <source>{k} folds</source>
        <translation>{k} 折</translation>
    </message>
    <message>
        <source>Repeat the k folds with other shuffles: more folds&apos; scores, a steadier mean.</source>
        <translation>用其他洗牌方式重复 k 折：得到更多折的分数，平均值更稳定。</translation>
    </message>
    <message>
        <source>×{r}</source>
        <translation>×{r}</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Train one model per fold on the training part, in the background.</source>
        <translation>在后台对训练部分的每一折训练一个模型。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the computation.</source>
        <translation>停止计算。</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <source>bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>Each bar is a weight w_i: the score z = w·x + b changes by w_i when feature i grows by one unit (one standard deviation when the data are standardised). The pale bar at the top is the bias (intercept) b.</source>
        <translation>每根条是一个权重 w_i：特征 i 增加一个单位（数据标准化时为一个标准差）时，得分 z = w·x + b 改变 w_i。顶部的浅色条是偏置（截距）b。</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>The class whose weights are shown (there are many classes).</source>
        <translation>显示其权重的类别（类别很多）。</translation>
    </message>
    <message>
        <source>What the bars show: the weights as the model learnt them, per standard deviation of each standardised feature (comparable with each other), or per unit of the data (w/σ; each feature in its own unit).</source>
        <translation>条形显示的内容：模型学到的权重，按每个标准化特征的一个标准差计（彼此可比），或按数据的一个单位计（w/σ；每个特征用它自己的单位）。</translation>
    </message>
    <message>
        <source>standardised</source>
        <translation>标准化</translation>
    </message>
    <message>
        <source>own units</source>
        <translation>原始单位</translation>
    </message>
    <message>
        <source>The weight read out in words below (or click its bar).</source>
        <translation>下面用文字解读的权重（也可以点击它的条）。</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>还没有数据。</translation>
    </message>
    <message>
        <source>What the chosen weight does to the score z and to the odds, in words.</source>
        <translation>用文字说明所选权重对得分 z 和几率的作用。</translation>
    </message>
    <message>
        <source>Features whose correlation on the training part is beyond 0.9: the model can shift weight between them almost freely, so only their joint effect is learnt.</source>
        <translation>在训练部分上相关系数超过 0.9 的特征：模型几乎可以在它们之间随意转移权重，因此只有它们的共同作用是学到的。</translation>
    </message>
    <message>
        <source>Weights that are exactly 0, marked by a ring on the chart: an L1 or elastic-net penalty sets weights to exactly 0 (its proximal step), and those features then play no part in the score.</source>
        <translation>恰好为 0 的权重，在图中以圆圈标出：L1 或弹性网惩罚会把权重设为恰好 0（通过它的近端步骤），这些特征就不再参与得分。</translation>
    </message>
    <message>
        <source>Bars:</source>
        <translation>条形：</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>解读：</translation>
    </message>
    <message>
        <source>weights for {name}</source>
        <translation>{name} 的权重</translation>
    </message>
    <message>
        <source>towards {name}</source>
        <translation>推向 {name}</translation>
    </message>
    <message>
        <source>Log-odds of {second}: z = w·x + b. A positive weight pushes towards {second}, a negative one towards {first}.</source>
        <translation>{second} 的对数几率：z = w·x + b。正权重推向 {second}，负权重推向 {first}。</translation>
    </message>
    <message>
        <source>One score per class: z_c = w_c·x + b_c; softmax turns the scores into probabilities. A class wins where its weights agree most with the sample.</source>
        <translation>每个类别一个得分：z_c = w_c·x + b_c；softmax 把得分变成概率。样本与哪个类别的权重最一致，哪个类别就胜出。</translation>
    </message>
    <message>
        <source>weight per unit of the data</source>
        <translation>每个数据单位的权重</translation>
    </message>
    <message>
        <source>weight w (per standard deviation)</source>
        <translation>权重 w（每个标准差）</translation>
    </message>
    <message>
        <source>These weights do not fit the features shown.</source>
        <translation>这些权重与所显示的特征不匹配。</translation>
    </message>
    <message>
        <source>{zeros:,} of {count:,} weights is exactly 0.</source>
        <translation>{count:,} 个权重中有 {zeros:,} 个恰好为 0。</translation>
    </message>
    <message>
        <source>{zeros:,} of {count:,} weights are exactly 0.</source>
        <translation>{count:,} 个权重中有 {zeros:,} 个恰好为 0。</translation>
    </message>
    <message>
        <source>b in own units</source>
        <translation>原始单位下的 b</translation>
    </message>
    <message>
        <source>w/σ (per unit)</source>
        <translation>w/σ（每单位）</translation>
    </message>
    <message>
        <source>{feature} (against the reference level {reference})</source>
        <translation>{feature}（相对于参照水平 {reference}）</translation>
    </message>
    <message>
        <source>No weights yet: train the model to see them.</source>
        <translation>还没有权重：训练模型后即可看到它们。</translation>
    </message>
</context>
<context>
    <name>analysis.complexity</name>
    <message>
        <source>the complexity curve was cancelled.</source>
        <translation>复杂度曲线的计算已取消。</translation>
    </message>
    <message>
        <source>these data have no numeric columns: the polynomial degree changes nothing.</source>
        <translation>这些数据没有数值列：多项式次数不起作用。</translation>
    </message>
    <message>
        <source>The curve stops at degree {last}: degree {degree} would make {count:,} features of the {inputs} numeric columns, more than the {limit:,} allowed.</source>
        <translation>曲线止于 {last} 次：{degree} 次会由 {inputs} 个数值列生成 {count:,} 个特征，超过允许的 {limit:,} 个。</translation>
    </message>
    <message>
        <source>The curve stops at degree {last}: at degree {degree}, {reason}</source>
        <translation>曲线止于 {last} 次：在 {degree} 次时，{reason}</translation>
    </message>
</context>
<context>
    <name>analysis.readable</name>
    <message>
        <source>{column} = {level} instead of its reference level {reference} adds w = {w:.4g} to z of {target}: it multiplies e^z of {target} by e^w = {ratio:.3g}.</source>
        <translation>{column} = {level}（而不是参照水平 {reference}）使 {target} 的 z 增加 w = {w:.4g}：它把 {target} 的 e^z 乘以 e^w = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>{column} = {level} instead of its reference level {reference} adds w = {w:.4g} to z: it multiplies the odds of {target} by e^w = {ratio:.3g}.</source>
        <translation>{column} = {level}（而不是参照水平 {reference}）使 z 增加 w = {w:.4g}：它把 {target} 的几率乘以 e^w = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>+1 of {feature} adds w = {w:.4g} to z of {target}: it multiplies e^z of {target} by e^w = {ratio:.3g}.</source>
        <translation>{feature} 增加 1 使 {target} 的 z 增加 w = {w:.4g}：它把 {target} 的 e^z 乘以 e^w = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>+1 of {feature} adds w = {w:.4g} to z: it multiplies the odds of {target} by e^w = {ratio:.3g}.</source>
        <translation>{feature} 增加 1 使 z 增加 w = {w:.4g}：它把 {target} 的几率乘以 e^w = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>+1 standard deviation of {feature} ({scale:.4g} in its own units) adds w = {w:.4g} to z of {target}: it multiplies e^z of {target} by e^w = {ratio:.3g}.</source>
        <translation>{feature} 增加一个标准差（原始单位下为 {scale:.4g}）使 {target} 的 z 增加 w = {w:.4g}：它把 {target} 的 e^z 乘以 e^w = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>+1 of {feature} in its own units adds w/σ = {own:.4g} to z of {target}: it multiplies e^z of {target} by {own_ratio:.3g}.</source>
        <translation>{feature} 按原始单位增加 1 使 {target} 的 z 增加 w/σ = {own:.4g}：它把 {target} 的 e^z 乘以 {own_ratio:.3g}。</translation>
    </message>
    <message>
        <source>+1 standard deviation of {feature} ({scale:.4g} in its own units) adds w = {w:.4g} to z: it multiplies the odds of {target} by e^w = {ratio:.3g}.</source>
        <translation>{feature} 增加一个标准差（原始单位下为 {scale:.4g}）使 z 增加 w = {w:.4g}：它把 {target} 的几率乘以 e^w = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>+1 of {feature} in its own units adds w/σ = {own:.4g} to z: it multiplies the odds of {target} by {own_ratio:.3g}.</source>
        <translation>{feature} 按原始单位增加 1 使 z 增加 w/σ = {own:.4g}：它把 {target} 的几率乘以 {own_ratio:.3g}。</translation>
    </message>
    <message>
        <source>With every number at its training mean and every text column at its reference level, z of {target} = b = {b:.4g}: e^z of {target} is e^b = {ratio:.3g}.</source>
        <translation>当每个数值都取训练均值、每个文本列都取参照水平时，{target} 的 z = b = {b:.4g}：{target} 的 e^z 为 e^b = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>With every number at its training mean and every text column at its reference level, z = b = {b:.4g}: the odds of {target} are e^b = {ratio:.3g}.</source>
        <translation>当每个数值都取训练均值、每个文本列都取参照水平时，z = b = {b:.4g}：{target} 的几率为 e^b = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>With every feature at its training mean, z of {target} = b = {b:.4g}: e^z of {target} is e^b = {ratio:.3g}.</source>
        <translation>当每个特征都取训练均值时，{target} 的 z = b = {b:.4g}：{target} 的 e^z 为 e^b = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>With every feature at its training mean, z = b = {b:.4g}: the odds of {target} are e^b = {ratio:.3g}.</source>
        <translation>当每个特征都取训练均值时，z = b = {b:.4g}：{target} 的几率为 e^b = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>With every number at 0 and every text column at its reference level, z of {target} = b = {b:.4g}: e^z of {target} is e^b = {ratio:.3g}.</source>
        <translation>当每个数值都为 0、每个文本列都取参照水平时，{target} 的 z = b = {b:.4g}：{target} 的 e^z 为 e^b = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>With every number at 0 and every text column at its reference level, z = b = {b:.4g}: the odds of {target} are e^b = {ratio:.3g}.</source>
        <translation>当每个数值都为 0、每个文本列都取参照水平时，z = b = {b:.4g}：{target} 的几率为 e^b = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>With every feature at 0, z of {target} = b = {b:.4g}: e^z of {target} is e^b = {ratio:.3g}.</source>
        <translation>当每个特征都为 0 时，{target} 的 z = b = {b:.4g}：{target} 的 e^z 为 e^b = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>With every feature at 0, z = b = {b:.4g}: the odds of {target} are e^b = {ratio:.3g}.</source>
        <translation>当每个特征都为 0 时，z = b = {b:.4g}：{target} 的几率为 e^b = {ratio:.3g}。</translation>
    </message>
    <message>
        <source>In the data&apos;s own units the intercept is {b:.4g}: the score z of a sample whose numbers are all 0 (often far from the data).</source>
        <translation>在数据的原始单位下，截距为 {b:.4g}：即所有数值都为 0 的样本的得分 z（常常远离数据）。</translation>
    </message>
    <message>
        <source>{feature}: wᵢxᵢ = {value:.4g} multiplies e^z of {target} by e^(wᵢxᵢ) = {ratio:.3g}, against {column} at its reference level {reference}.</source>
        <translation>{feature}：wᵢxᵢ = {value:.4g} 把 {target} 的 e^z 乘以 e^(wᵢxᵢ) = {ratio:.3g}（相对于 {column} 取参照水平 {reference}）。</translation>
    </message>
    <message>
        <source>{feature}: wᵢxᵢ = {value:.4g} multiplies the odds of {target} by e^(wᵢxᵢ) = {ratio:.3g}, against {column} at its reference level {reference}.</source>
        <translation>{feature}：wᵢxᵢ = {value:.4g} 把 {target} 的几率乘以 e^(wᵢxᵢ) = {ratio:.3g}（相对于 {column} 取参照水平 {reference}）。</translation>
    </message>
    <message>
        <source>{feature}: wᵢxᵢ = {value:.4g} multiplies e^z of {target} by e^(wᵢxᵢ) = {ratio:.3g}, against {feature} at its training mean.</source>
        <translation>{feature}：wᵢxᵢ = {value:.4g} 把 {target} 的 e^z 乘以 e^(wᵢxᵢ) = {ratio:.3g}（相对于 {feature} 取训练均值）。</translation>
    </message>
    <message>
        <source>{feature}: wᵢxᵢ = {value:.4g} multiplies the odds of {target} by e^(wᵢxᵢ) = {ratio:.3g}, against {feature} at its training mean.</source>
        <translation>{feature}：wᵢxᵢ = {value:.4g} 把 {target} 的几率乘以 e^(wᵢxᵢ) = {ratio:.3g}（相对于 {feature} 取训练均值）。</translation>
    </message>
    <message>
        <source>{feature}: wᵢxᵢ = {value:.4g} multiplies e^z of {target} by e^(wᵢxᵢ) = {ratio:.3g}, against {feature} at 0.</source>
        <translation>{feature}：wᵢxᵢ = {value:.4g} 把 {target} 的 e^z 乘以 e^(wᵢxᵢ) = {ratio:.3g}（相对于 {feature} 为 0）。</translation>
    </message>
    <message>
        <source>{feature}: wᵢxᵢ = {value:.4g} multiplies the odds of {target} by e^(wᵢxᵢ) = {ratio:.3g}, against {feature} at 0.</source>
        <translation>{feature}：wᵢxᵢ = {value:.4g} 把 {target} 的几率乘以 e^(wᵢxᵢ) = {ratio:.3g}（相对于 {feature} 为 0）。</translation>
    </message>
    <message>
        <source>The {count} other features together: Σ wᵢxᵢ = {value:.4g} multiplies e^z of {target} by {ratio:.3g}.</source>
        <translation>其余 {count} 个特征合计：Σ wᵢxᵢ = {value:.4g}，把 {target} 的 e^z 乘以 {ratio:.3g}。</translation>
    </message>
    <message>
        <source>The {count} other features together: Σ wᵢxᵢ = {value:.4g} multiplies the odds of {target} by {ratio:.3g}.</source>
        <translation>其余 {count} 个特征合计：Σ wᵢxᵢ = {value:.4g}，把 {target} 的几率乘以 {ratio:.3g}。</translation>
    </message>
    <message>
        <source>With softmax, the odds of class k against class j multiply by e^(w_k − w_j): the ratio of the two classes&apos; factors.</source>
        <translation>使用 softmax 时，类别 k 相对于类别 j 的几率乘以 e^(w_k − w_j)：即两个类别的倍数之比。</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first}和{second}</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names}和{last}</translation>
    </message>
    <message>
        <source>(Measured on {rows:,} of the {total:,} training rows, drawn at random.)</source>
        <translation>（在随机抽取的 {rows:,} 行训练数据上测得，共 {total:,} 行。）</translation>
    </message>
    <message>
        <source>{names} move together (|r| up to {r} on the training part): their weights share one effect, so read them together.</source>
        <translation>{names}一起变化（在训练部分上 |r| 最高为 {r}）：它们的权重分担同一个作用，所以要合起来读。</translation>
    </message>
    <message>
        <source>{names} move together (r = {r} on the training part): their weights share one effect, so read them together.</source>
        <translation>{names}一起变化（在训练部分上 r = {r}）：它们的权重分担同一个作用，所以要合起来读。</translation>
    </message>
    <message>
        <source>{names} move in opposite directions (r = {r} on the training part): their weights share one effect, so read them together.</source>
        <translation>{names}朝相反方向变化（在训练部分上 r = {r}）：它们的权重分担同一个作用，所以要合起来读。</translation>
    </message>
    <message>
        <source>These features move together on the training part (|r| &gt; {limit:g}): the weights of a group share one effect, so read them together.</source>
        <translation>这些特征在训练部分上一起变化（|r| &gt; {limit:g}）：同一组的权重分担同一个作用，所以要合起来读。</translation>
    </message>
    <message>
        <source>• {names} (|r| up to {r})</source>
        <translation>• {names}（|r| 最高为 {r}）</translation>
    </message>
    <message>
        <source>• {names} (r = {r})</source>
        <translation>• {names}（r = {r}）</translation>
    </message>
</context>
<context>
    <name>blog</name>
    <message>
        <source>the blog&apos;s sigmoid overflowed at epoch {epoch:,}: np.exp(-z) is infinite for z = {z:.0f}, so Python printed “RuntimeWarning: overflow encountered in exp” and that y_hat became exactly 0 (a stable sigmoid never overflows).</source>
        <translation>博客的 sigmoid 在第 {epoch:,} 轮溢出:z = {z:.0f} 时 np.exp(-z) 为无穷大,所以 Python 打印了“RuntimeWarning: overflow encountered in exp”,这个 y_hat 变成了恰好 0(稳定的 sigmoid 永不溢出)。</translation>
    </message>
    <message>
        <source>diverged at epoch {epoch:,}: the blog&apos;s update made the weights infinite.</source>
        <translation>在第 {epoch:,} 轮发散:博客的更新使权重变成了无穷大。</translation>
    </message>
</context>
<context>
    <name>boundary</name>
    <message>
        <source>the training data are empty: there is nothing to draw.</source>
        <translation>训练数据为空：没有可绘制的内容。</translation>
    </message>
    <message>
        <source>feature number {index} does not exist: the data have {d} features.</source>
        <translation>特征编号 {index} 不存在：数据共有 {d} 个特征。</translation>
    </message>
    <message>
        <source>(no second feature)</source>
        <translation>（没有第二个特征）</translation>
    </message>
    <message>
        <source>{feature}, the only feature, along the horizontal axis; the vertical axis means nothing.</source>
        <translation>{feature} 是唯一的特征，沿水平轴显示；纵轴没有含义。</translation>
    </message>
    <message>
        <source>pick two different features, not {feature} twice.</source>
        <translation>请选择两个不同的特征，而不是两次选择 {feature}。</translation>
    </message>
    <message>
        <source>the two features, {u} against {v}.</source>
        <translation>两个特征：{u} 对 {v}。</translation>
    </message>
    <message>
        <source>{u} against {v}; the other feature held at their training mean.</source>
        <translation>{u} 对 {v}；另一个特征固定为其训练集均值。</translation>
    </message>
    <message>
        <source>{u} against {v}; the other {others} features held at their training mean.</source>
        <translation>{u} 对 {v}；其余 {others} 个特征固定为其训练集均值。</translation>
    </message>
    <message>
        <source>a principal-component view needs at least two training samples.</source>
        <translation>主成分视图至少需要两个训练样本。</translation>
    </message>
    <message>
        <source>first two principal components of the training data (they explain {share:.0%} of its variance); points are projected onto this plane.</source>
        <translation>训练数据的前两个主成分（解释了其 {share:.0%} 的方差）；各点投影到此平面上。</translation>
    </message>
    <message>
        <source>principal component 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <source>principal component 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <source>the plane of the two columns {u} and {v}, in their own units.</source>
        <translation>两列 {u} 和 {v} 构成的平面，使用它们的原始单位。</translation>
    </message>
    <message>
        <source>the plane of the two columns {u} and {v}, in their own units; the model sees {count} features made of them, so its boundary here is a curve.</source>
        <translation>两列 {u} 和 {v} 构成的平面，使用它们的原始单位；模型看到的是由它们生成的 {count} 个特征，所以它的边界在这里是一条曲线。</translation>
    </message>
</context>
<context>
    <name>class_weight</name>
    <message>
        <source>balanced class weights need training samples of every class; there are none of {labels}.</source>
        <translation>平衡的类别权重需要每个类别都有训练样本；{labels} 没有。</translation>
    </message>
    <message>
        <source>the class weights {weights} name labels that are not classes of these data ({classes}): name the classes as they are in the data (a class not named weighs 1).</source>
        <translation>类别权重 {weights} 中的标签不是这份数据的类别（{classes}）：请按数据中的写法给出类别（未列出的类别权重为 1）。</translation>
    </message>
    <message>
        <source>no class weights</source>
        <translation>无类别权重</translation>
    </message>
    <message>
        <source>balanced class weights</source>
        <translation>平衡的类别权重</translation>
    </message>
    <message>
        <source>class weights {weights}</source>
        <translation>类别权重 {weights}</translation>
    </message>
    <message>
        <source>type the class weights as label: weight pairs, e.g. 0: 1, 1: 10.</source>
        <translation>请将类别权重写成“标签: 权重”对，例如 0: 1, 1: 10。</translation>
    </message>
    <message>
        <source>“{part}” is not a label and its weight: type label: weight pairs, e.g. 0: 1, 1: 10.</source>
        <translation>“{part}”不是一个标签及其权重：请写成“标签: 权重”对，例如 0: 1, 1: 10。</translation>
    </message>
    <message>
        <source>the weight of class {label} must be a number greater than 0, not “{text}”.</source>
        <translation>类别 {label} 的权重必须是大于 0 的数，而不是“{text}”。</translation>
    </message>
    <message>
        <source>class {label} is given two weights.</source>
        <translation>类别 {label} 被给了两个权重。</translation>
    </message>
</context>
<context>
    <name>data.builtin</name>
    <message>
        <source>Breast cancer Wisconsin (569 × 30, 2 classes)</source>
        <translation>威斯康星乳腺癌（569 × 30，2 个类别）</translation>
    </message>
    <message>
        <source>Iris (150 × 4, 3 classes)</source>
        <translation>鸢尾花 Iris（150 × 4，3 个类别）</translation>
    </message>
    <message>
        <source>Wine (178 × 13, 3 classes)</source>
        <translation>葡萄酒 Wine（178 × 13，3 个类别）</translation>
    </message>
    <message>
        <source>unknown dataset {name!r}: choose one of {names}.</source>
        <translation>未知数据集 {name!r}：请从 {names} 中选择一个。</translation>
    </message>
    <message>
        <source>{description}, shipped with scikit-learn</source>
        <translation>{description}，随 scikit-learn 提供</translation>
    </message>
</context>
<context>
    <name>data.columns</name>
    <message>
        <source>there is no column {target!r}; the columns are: {columns}.</source>
        <translation>没有名为 {target!r} 的列；现有的列为：{columns}。</translation>
    </message>
    <message>
        <source>the classes to predict</source>
        <translation>要预测的类别</translation>
    </message>
    <message>
        <source>it has no values</source>
        <translation>它没有值</translation>
    </message>
    <message>
        <source>it numbers the rows (1, 2, 3…): no information</source>
        <translation>它只是行号（1、2、3…）：不含信息</translation>
    </message>
    <message>
        <source>a date: not a number a linear model can weigh</source>
        <translation>日期：不是线性模型可以加权的数</translation>
    </message>
    <message>
        <source>{distinct} different texts (a name or free text?) are too many to encode</source>
        <translation>{distinct} 个不同的文本（名称或自由文本？）太多，无法编码</translation>
    </message>
    <message>
        <source>text: one-hot encoded, the first value as the reference</source>
        <translation>文本：独热编码，以第一个值为参照</translation>
    </message>
    <message>
        <source>included by choice</source>
        <translation>按选择纳入</translation>
    </message>
    <message>
        <source>left out by choice</source>
        <translation>按选择排除</translation>
    </message>
</context>
<context>
    <name>data.dataset</name>
    <message>
        <source>line {numbers}</source>
        <translation>第 {numbers} 行</translation>
    </message>
    <message>
        <source>lines {numbers}, …</source>
        <translation>第 {numbers} 行，…</translation>
    </message>
    <message>
        <source>lines {numbers}</source>
        <translation>第 {numbers} 行</translation>
    </message>
    <message>
        <source>left out column {column!r}: {reason}.</source>
        <translation>排除了列 {column!r}：{reason}。</translation>
    </message>
    <message>
        <source>{name} has no column left to use as a feature besides the target.</source>
        <translation>{name} 除目标列外没有可用作特征的列。</translation>
    </message>
    <message>
        <source>dropped {dropped} of {rows} rows without a target value ({lines}).</source>
        <translation>删除了 {rows} 行中没有目标值的 {dropped} 行（{lines}）。</translation>
    </message>
    <message>
        <source>dropped {dropped} of {rows} rows with missing cells ({lines}); choose to impute them to keep these rows.</source>
        <translation>删除了 {rows} 行中含缺失单元格的 {dropped} 行（{lines}）；选择插补可保留这些行。</translation>
    </message>
    <message>
        <source>{cells} missing cells are filled with the training part&apos;s median (numbers) or most frequent value (texts).</source>
        <translation>{cells} 个缺失单元格用训练部分的中位数（数值）或众数（文本）填补。</translation>
    </message>
    <message>
        <source>missing cells are dropped or imputed, not {missing!r}.</source>
        <translation>缺失单元格只能删除或插补，不能是 {missing!r}。</translation>
    </message>
    <message>
        <source>{name} has fewer than 2 usable rows.</source>
        <translation>{name} 的可用行少于 2 行。</translation>
    </message>
    <message>
        <source>the target {target!r} is a quantity ({values} different values), not classes: choose another column, or cut it into two classes at a threshold (for example the median).</source>
        <translation>目标 {target!r} 是一个数量（{values} 个不同的值），而不是类别：请选择另一列，或按阈值（例如中位数）把它分成两个类别。</translation>
    </message>
    <message>
        <source>the target {target!r} already holds classes: no threshold is used.</source>
        <translation>目标 {target!r} 本身就是类别：不使用阈值。</translation>
    </message>
    <message>
        <source>one-hot encoded text column {column!r} ({levels} values): one column per value but the first, the reference level.</source>
        <translation>对文本列 {column!r}（{levels} 个值）做独热编码：除第一个（参照水平）外每个值一列。</translation>
    </message>
</context>
<context>
    <name>data.feature_map</name>
    <message>
        <source>this feature map would make {count:,} features of the {inputs} numeric columns; at most {limit:,} are allowed: lower the degree or choose fewer expansions.</source>
        <translation>这个特征映射会由 {inputs} 个数值列生成 {count:,} 个特征；最多允许 {limit:,} 个：请降低次数或少选几种扩展。</translation>
    </message>
</context>
<context>
    <name>data.generation</name>
    <message>
        <source>the number of samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>the number of features</source>
        <translation>特征数</translation>
    </message>
    <message>
        <source>the informative features</source>
        <translation>信息特征数</translation>
    </message>
    <message>
        <source>the redundant features</source>
        <translation>冗余特征数</translation>
    </message>
    <message>
        <source>the repeated features</source>
        <translation>重复特征数</translation>
    </message>
    <message>
        <source>the number of classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>the clusters per class</source>
        <translation>每类簇数</translation>
    </message>
    <message>
        <source>the label noise</source>
        <translation>标签噪声</translation>
    </message>
    <message>
        <source>the class separation</source>
        <translation>类别间隔</translation>
    </message>
    <message>
        <source>the shift</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>the scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>the seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>{samples:,} samples × {features:,} features is more than this tool can hold ({limit:,} values): use fewer samples or features.</source>
        <translation>{samples:,} 个样本 × {features:,} 个特征超出了本工具的容量（{limit:,} 个值）：请减少样本或特征。</translation>
    </message>
    <message>
        <source>{classes} classes × {per_class:,} clusters per class make {clusters:,} clusters, more than the {samples:,} samples: use fewer classes or more samples.</source>
        <translation>{classes} 个类别 × 每类 {per_class:,} 个簇 = {clusters:,} 个簇，多于 {samples:,} 个样本：请减少类别或增加样本。</translation>
    </message>
    <message>
        <source>{clusters:,} clusters in {informative:,} informative dimensions would take too long to generate (each cluster draws a {informative:,}² covariance): use fewer informative features, classes or clusters.</source>
        <translation>在 {informative:,} 个信息维度中生成 {clusters:,} 个簇耗时过长（每个簇要抽取一个 {informative:,}² 的协方差矩阵）：请减少信息特征、类别或簇。</translation>
    </message>
    <message>
        <source>informative ({informative}) + redundant ({redundant}) + repeated ({repeated}) features make {used}, more than the {features} features in total.</source>
        <translation>信息特征（{informative}）+ 冗余特征（{redundant}）+ 重复特征（{repeated}）共 {used} 个，多于总特征数 {features}。</translation>
    </message>
    <message>
        <source>{classes} classes × {per_class} clusters per class need {clusters} clusters, but {informative} informative features can place at most 2^{informative} = {most}: use more informative features or fewer classes or clusters.</source>
        <translation>{classes} 个类别 × 每类 {per_class} 个簇需要 {clusters} 个簇，但 {informative} 个信息特征最多只能放置 2^{informative} = {most} 个：请增加信息特征，或减少类别或簇。</translation>
    </message>
    <message>
        <source>class weights must be numbers of 0 or more.</source>
        <translation>类别权重必须是大于等于 0 的数。</translation>
    </message>
    <message>
        <source>give {classes} class weights (or {fewer}, the last one being what is left), not {given}.</source>
        <translation>请给出 {classes} 个类别权重（或 {fewer} 个，最后一个取剩余部分），而不是 {given} 个。</translation>
    </message>
    <message>
        <source>class weights must be proportions adding up to at most 1, not {total:g}.</source>
        <translation>类别权重必须是总和不超过 1 的比例，而不是 {total:g}。</translation>
    </message>
    <message>
        <source>make_classification cannot use these settings: {error}</source>
        <translation>make_classification 无法使用这些设置：{error}</translation>
    </message>
    <message>
        <source>make_classification: {samples} samples, {features} features ({informative} informative, {redundant} redundant, {repeated} repeated), {classes} classes, seed {seed}</source>
        <translation>make_classification：{samples} 个样本，{features} 个特征（{informative} 个信息特征，{redundant} 个冗余，{repeated} 个重复），{classes} 个类别，种子 {seed}</translation>
    </message>
</context>
<context>
    <name>data.painted</name>
    <message>
        <source>the painted points are not painted points</source>
        <translation>绘制的点不是绘制的点</translation>
    </message>
    <message>
        <source>the painted points need two different column names and a class name</source>
        <translation>绘制的点需要两个不同的列名和一个类别名</translation>
    </message>
    <message>
        <source>the classes of painted points are 2 to {most} different numbers or texts</source>
        <translation>绘制的点的类别是 2 到 {most} 个不同的数字或文本</translation>
    </message>
    <message>
        <source>the painted points are not a list of points</source>
        <translation>绘制的点不是点的列表</translation>
    </message>
    <message>
        <source>there are {count:,} painted points; at most {most:,} are allowed</source>
        <translation>共有 {count:,} 个绘制的点；最多允许 {most:,} 个</translation>
    </message>
    <message>
        <source>painted point {number} is not two finite numbers, one of the classes and “train” or “test”</source>
        <translation>绘制的点 {number} 不是两个有限数、一个类别以及“train”或“test”</translation>
    </message>
    <message>
        <source>there is no training point {index}.</source>
        <translation>没有训练点 {index}。</translation>
    </message>
    <message>
        <source>{label} is not one of the classes painted.</source>
        <translation>{label} 不是所绘制的类别之一。</translation>
    </message>
    <message>
        <source>painted data hold at most {most:,} points: delete some first.</source>
        <translation>绘制的数据最多包含 {most:,} 个点：请先删除一些。</translation>
    </message>
    <message>
        <source>it is the last training point of class {label}, and the test part holds {count:,} of that class: the model could never learn it.</source>
        <translation>这是类别 {label} 的最后一个训练点，而测试部分有 {count:,} 个该类别的点：模型将永远学不到它。</translation>
    </message>
    <message>
        <source>a point must lie at finite coordinates.</source>
        <translation>点必须位于有限坐标处。</translation>
    </message>
    <message>
        <source>points can be painted only on data of exactly two numeric columns.</source>
        <translation>只能在恰好两个数值列的数据上绘制点。</translation>
    </message>
    <message>
        <source>these data hold {count:,} samples; points can be painted on at most {most:,}.</source>
        <translation>这份数据有 {count:,} 个样本；最多只能在 {most:,} 个样本上绘制点。</translation>
    </message>
    <message>
        <source>Painted points: an empty canvas</source>
        <translation>绘制的点：空白画布</translation>
    </message>
    <message>
        <source>{count:,} of class {label}</source>
        <translation>类别 {label} {count:,} 个</translation>
    </message>
    <message>
        <source>Painted points: none in the training part, {test:,} in the test part</source>
        <translation>绘制的点：训练部分没有，测试部分 {test:,} 个</translation>
    </message>
    <message>
        <source>Painted points: {train:,} in the training part ({shares}), {test:,} in the test part</source>
        <translation>绘制的点：训练部分 {train:,} 个（{shares}），测试部分 {test:,} 个</translation>
    </message>
    <message>
        <source>class {classes} has test points but no training point: the model could never learn it.</source>
        <translation>类别 {classes} 有测试点但没有训练点：模型将永远学不到它。</translation>
    </message>
    <message>
        <source>the parts are those of the points: filled points train the model, hollow ones test it (no random split); points are painted in the training part only.</source>
        <translation>各部分由点本身决定：实心点用于训练模型，空心点用于测试（不随机划分）；只在训练部分中绘制点。</translation>
    </message>
    <message>
        <source>the feature {feature!r} of painted points is not a finite number: paint nearer the origin or lower the degree.</source>
        <translation>绘制的点的特征 {feature!r} 不是有限数：请在更靠近原点处绘制，或降低次数。</translation>
    </message>
</context>
<context>
    <name>data.preprocessing</name>
    <message>
        <source>no columns are left to use as features.</source>
        <translation>没有剩下可用作特征的列。</translation>
    </message>
    <message>
        <source>the column {column!r} has values too large to standardise (their squares overflow): rescale it, or leave it out.</source>
        <translation>列 {column!r} 的值太大，无法标准化（其平方溢出）：请重新缩放或排除该列。</translation>
    </message>
    <message>
        <source>the feature {feature!r} of the feature map has values too large to standardise: lower the degree, or rescale the columns.</source>
        <translation>特征映射中的特征 {feature!r} 数值太大，无法标准化：请降低次数，或重新缩放各列。</translation>
    </message>
    <message>
        <source>the data lack the columns {columns} the model was trained with.</source>
        <translation>数据缺少模型训练时使用的列 {columns}。</translation>
    </message>
    <message>
        <source>the data lack the column {columns} the model was trained with.</source>
        <translation>数据缺少模型训练时使用的列 {columns}。</translation>
    </message>
    <message>
        <source>the preprocessing in the file is incomplete or broken ({error}).</source>
        <translation>文件中的预处理信息不完整或已损坏（{error}）。</translation>
    </message>
    <message>
        <source>the column {column!r} holds infinite values: fix them in the file, or leave the column out.</source>
        <translation>列 {column!r} 含有无穷大的值：请在文件中修正，或排除该列。</translation>
    </message>
</context>
<context>
    <name>data.reading</name>
    <message>
        <source>comma-separated</source>
        <translation>逗号分隔</translation>
    </message>
    <message>
        <source>semicolon-separated</source>
        <translation>分号分隔</translation>
    </message>
    <message>
        <source>tab-separated</source>
        <translation>制表符分隔</translation>
    </message>
    <message>
        <source>pipe-separated</source>
        <translation>竖线分隔</translation>
    </message>
    <message>
        <source>whitespace-separated</source>
        <translation>空白分隔</translation>
    </message>
    <message>
        <source>{name} is an old-style Excel file (.xls): save it as .xlsx or CSV.</source>
        <translation>{name} 是旧式 Excel 文件（.xls）：请另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>reading the file was cancelled.</source>
        <translation>已取消读取文件。</translation>
    </message>
    <message>
        <source>{name} cannot be read: permission to read it is denied.</source>
        <translation>无法读取 {name}：没有读取权限。</translation>
    </message>
    <message>
        <source>the system refused</source>
        <translation>系统拒绝</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is too large to read ({size}; the limit is {limit}).</source>
        <translation>{name} 太大，无法读取（{size}；上限为 {limit}）。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空的。</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} 字节</translation>
    </message>
    <message>
        <source>{name} is empty: it holds only blank lines.</source>
        <translation>{name} 是空的：只有空行。</translation>
    </message>
    <message>
        <source>read as Latin-1: the file is not valid UTF-8.</source>
        <translation>按 Latin-1 读取：文件不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>{name} is not a text file in an encoding this program reads.</source>
        <translation>{name} 不是本程序可读取编码的文本文件。</translation>
    </message>
    <message>
        <source>{count} blank line skipped.</source>
        <translation>跳过了 {count} 个空行。</translation>
    </message>
    <message>
        <source>{count} blank lines skipped.</source>
        <translation>跳过了 {count} 个空行。</translation>
    </message>
    <message>
        <source>decimal comma</source>
        <translation>小数逗号</translation>
    </message>
    <message>
        <source>{name} does not look like a text data file.</source>
        <translation>{name} 看起来不像文本数据文件。</translation>
    </message>
    <message>
        <source>{name} does not look like a table: its first line is longer than {mb} MB.</source>
        <translation>{name} 看起来不像表格：它的第一行超过 {mb} MB。</translation>
    </message>
    <message>
        <source>{name} does not look like a text data file: it starts with blank space.</source>
        <translation>{name} 看起来不像文本数据文件：它以空白开头。</translation>
    </message>
    <message>
        <source>{name} could not be read as a table of values.</source>
        <translation>{name} 无法作为数值表格读取。</translation>
    </message>
    <message>
        <source>{name} has a quote mark ({quote}) that is never closed.</source>
        <translation>{name} 中有一个引号（{quote}）从未闭合。</translation>
    </message>
    <message>
        <source>{name} could not be read as a table: its rows are not separated evenly.</source>
        <translation>{name} 无法作为表格读取：各行的分隔不一致。</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos; holds whole numbers too large to keep apart as numbers; it was read as text.</source>
        <translation>列 &apos;{column}&apos; 含有过大的整数，作为数字无法区分；已按文本读取。</translation>
    </message>
    <message>
        <source>reading .xlsx files needs the openpyxl package: {hint}</source>
        <translation>读取 .xlsx 文件需要 openpyxl 包：{hint}</translation>
    </message>
    <message>
        <source>{name} could not be read as an Excel workbook.</source>
        <translation>{name} 无法作为 Excel 工作簿读取。</translation>
    </message>
    <message>
        <source>{name} is empty: its first sheet, &apos;{sheet}&apos;, holds no values.</source>
        <translation>{name} 是空的：它的第一个工作表 &apos;{sheet}&apos; 没有值。</translation>
    </message>
    <message>
        <source>read the first of {count} sheets, &apos;{sheet}&apos;.</source>
        <translation>读取了 {count} 个工作表中的第一个：&apos;{sheet}&apos;。</translation>
    </message>
    <message>
        <source>Excel sheet &apos;{sheet}&apos;</source>
        <translation>Excel 工作表 &apos;{sheet}&apos;</translation>
    </message>
    <message>
        <source>reading Parquet files needs the pyarrow package: {hint}</source>
        <translation>读取 Parquet 文件需要 pyarrow 包：{hint}</translation>
    </message>
    <message>
        <source>{name} could not be read as a Parquet file.</source>
        <translation>{name} 无法作为 Parquet 文件读取。</translation>
    </message>
    <message>
        <source>{name} has a header but no data rows.</source>
        <translation>{name} 有表头但没有数据行。</translation>
    </message>
    <message>
        <source>{count} column with no name in the header was named {names}.</source>
        <translation>表头中 {count} 个没有名称的列被命名为 {names}。</translation>
    </message>
    <message>
        <source>{count} columns with no name in the header were named {names}.</source>
        <translation>表头中 {count} 个没有名称的列被命名为 {names}。</translation>
    </message>
    <message>
        <source>repeated column names were numbered: {names}.</source>
        <translation>重复的列名已加编号：{names}。</translation>
    </message>
    <message>
        <source>the first line holds only numbers and was taken as the column names; if the file has no header line, its first row is missing.</source>
        <translation>第一行只有数字，被当作列名；如果文件没有表头行，则它的第一行数据丢失了。</translation>
    </message>
    <message>
        <source>{name} has column names but no values: every cell is empty or missing.</source>
        <translation>{name} 有列名但没有值：每个单元格都为空或缺失。</translation>
    </message>
    <message>
        <source>{name}: {rows:,} row × {columns} columns, {details}</source>
        <translation>{name}：{rows:,} 行 × {columns} 列，{details}</translation>
    </message>
    <message>
        <source>{name}: {rows:,} rows × {columns} columns, {details}</source>
        <translation>{name}：{rows:,} 行 × {columns} 列，{details}</translation>
    </message>
    <message>
        <source>{name}: first {rows:,} row × {columns} columns, {details}</source>
        <translation>{name}：前 {rows:,} 行 × {columns} 列，{details}</translation>
    </message>
    <message>
        <source>{name}: first {rows:,} rows × {columns} columns, {details}</source>
        <translation>{name}：前 {rows:,} 行 × {columns} 列，{details}</translation>
    </message>
    <message>
        <source>the file {name} does not exist.</source>
        <translation>文件 {name} 不存在。</translation>
    </message>
    <message>
        <source>{name} is a folder, not a data file.</source>
        <translation>{name} 是文件夹，不是数据文件。</translation>
    </message>
    <message>
        <source>{name} is not an ordinary file (it is a device, pipe or socket).</source>
        <translation>{name} 不是普通文件（它是设备、管道或套接字）。</translation>
    </message>
    <message>
        <source>{name} is not valid {encoding} text.</source>
        <translation>{name} 不是有效的 {encoding} 文本。</translation>
    </message>
    <message>
        <source>{name} has a header line but no data rows.</source>
        <translation>{name} 有表头行但没有数据行。</translation>
    </message>
    <message>
        <source>{name} holds only delimiters, no values.</source>
        <translation>{name} 只有分隔符，没有值。</translation>
    </message>
    <message>
        <source>{name} has a single column: a data file needs at least two (features and a target).</source>
        <translation>{name} 只有一列：数据文件至少需要两列（特征和目标）。</translation>
    </message>
    <message>
        <source>in {name}, line {line} has {cells} cells but the header has {width}.</source>
        <translation>在 {name} 中，第 {line} 行有 {cells} 个单元格，但表头有 {width} 个。</translation>
    </message>
    <message>
        <source>{name} is too large to read into this computer&apos;s memory.</source>
        <translation>{name} 太大，无法读入这台计算机的内存。</translation>
    </message>
</context>
<context>
    <name>data.settings</name>
    <message>
        <source>unknown settings {names}</source>
        <translation>未知的设置 {names}</translation>
    </message>
    <message>
        <source>the data settings cannot be read ({error}).</source>
        <translation>无法读取数据设置（{error}）。</translation>
    </message>
    <message>
        <source>the painted points are not a table</source>
        <translation>绘制的点不是表格</translation>
    </message>
    <message>
        <source>unknown settings of the painted points: {names}</source>
        <translation>绘制的点有未知的设置：{names}</translation>
    </message>
    <message>
        <source>the painted points&apos; {key} are not a list</source>
        <translation>绘制的点的 {key} 不是列表</translation>
    </message>
    <message>
        <source>the data are no longer wanted.</source>
        <translation>不再需要这些数据。</translation>
    </message>
    <message>
        <source>choose a data file first.</source>
        <translation>请先选择一个数据文件。</translation>
    </message>
    <message>
        <source>unknown data source {source!r}.</source>
        <translation>未知的数据来源 {source!r}。</translation>
    </message>
</context>
<context>
    <name>data.shapes</name>
    <message>
        <source>the number of samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>the noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>the share of class 1</source>
        <translation>类别 1 的比例</translation>
    </message>
    <message>
        <source>Two blobs (separable)</source>
        <translation>两个团块（可分）</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>月牙</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>XOR (four quadrants)</source>
        <translation>异或（四个象限）</translation>
    </message>
    <message>
        <source>Two spirals</source>
        <translation>两条螺旋</translation>
    </message>
    <message>
        <source>a share of {share:g} of {n:,} samples leaves {counts} of a class; each needs at least {least}.</source>
        <translation>在 {n:,} 个样本中取比例 {share:g}，会让某个类别只剩 {counts} 个；每个类别至少需要 {least} 个。</translation>
    </message>
    <message>
        <source>class 0 is the blob around (−1, −1) and class 1 the blob around (1, 1); the noise {noise:g} is their spread: the standard deviation of x1 and x2 around the centre.</source>
        <translation>类别 0 是围绕 (−1, −1) 的团块，类别 1 是围绕 (1, 1) 的团块；噪声 {noise:g} 是它们的散布：x1 和 x2 围绕中心的标准差。</translation>
    </message>
    <message>
        <source>class 0 is the upper moon and class 1 the lower one; the noise {noise:g} is the standard deviation of the Gaussian noise added to x1 and x2.</source>
        <translation>类别 0 是上面的月牙，类别 1 是下面的；噪声 {noise:g} 是加到 x1 和 x2 上的高斯噪声的标准差。</translation>
    </message>
    <message>
        <source>class 0 is the outer circle (radius 1) and class 1 the inner one (radius 0.5); the noise {noise:g} is the standard deviation of the Gaussian noise added to x1 and x2.</source>
        <translation>类别 0 是外圆（半径 1），类别 1 是内圆（半径 0.5）；噪声 {noise:g} 是加到 x1 和 x2 上的高斯噪声的标准差。</translation>
    </message>
    <message>
        <source>class 1 is where x1 and x2 have the same sign and class 0 where they differ; the noise {noise:g} is the standard deviation of the Gaussian noise added to x1 and x2.</source>
        <translation>x1 与 x2 同号处为类别 1，异号处为类别 0；噪声 {noise:g} 是加到 x1 和 x2 上的高斯噪声的标准差。</translation>
    </message>
    <message>
        <source>class 0 and class 1 are two spirals of two turns, half a turn apart; the noise {noise:g} is the standard deviation of the Gaussian noise added to x1 and x2.</source>
        <translation>类别 0 和类别 1 是两条各绕两圈、相差半圈的螺旋；噪声 {noise:g} 是加到 x1 和 x2 上的高斯噪声的标准差。</translation>
    </message>
    <message>
        <source>{shape}: {samples:,} samples, {zeros:,} of class 0 and {ones:,} of class 1, noise {noise:g}, seed {seed}</source>
        <translation>{shape}：{samples:,} 个样本，类别 0 有 {zeros:,} 个，类别 1 有 {ones:,} 个，噪声 {noise:g}，种子 {seed}</translation>
    </message>
</context>
<context>
    <name>data.split</name>
    <message>
        <source>the test size</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>the seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>The test size</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>a test size of {test_size:g} leaves an empty part of the {n} samples.</source>
        <translation>测试集比例 {test_size:g} 会使 {n} 个样本中的某一部分为空。</translation>
    </message>
    <message>
        <source>the data hold only one class; logistic regression needs at least two.</source>
        <translation>数据只有一个类别；逻辑回归至少需要两个类别。</translation>
    </message>
    <message>
        <source>the split is not stratified: some class has too few samples for it.</source>
        <translation>划分没有分层：某个类别的样本太少。</translation>
    </message>
    <message>
        <source>the target {target!r} is a quantity, cut into two classes at {threshold:g} (the training median): class 1 is {target} &gt; {threshold:g}, class 0 is {target} ≤ {threshold:g}.</source>
        <translation>目标 {target!r} 是一个数量，在 {threshold:g}（训练集中位数）处分成两个类别：类别 1 为 {target} &gt; {threshold:g}，类别 0 为 {target} ≤ {threshold:g}。</translation>
    </message>
    <message>
        <source>the target {target!r} is a quantity, cut into two classes at {threshold:g} (the threshold chosen): class 1 is {target} &gt; {threshold:g}, class 0 is {target} ≤ {threshold:g}.</source>
        <translation>目标 {target!r} 是一个数量，在 {threshold:g}（所选阈值）处分成两个类别：类别 1 为 {target} &gt; {threshold:g}，类别 0 为 {target} ≤ {threshold:g}。</translation>
    </message>
    <message>
        <source>the training part holds only one class; use a smaller test size or more data.</source>
        <translation>训练集只有一个类别；请减小测试集比例或使用更多数据。</translation>
    </message>
    <message>
        <source>class {classes} has too few samples: all of them fell in the test part, so the model could never learn it. Use a smaller test size or more data.</source>
        <translation>类别 {classes} 的样本太少：全部落入了测试集，模型永远无法学到它。请减小测试集比例或使用更多数据。</translation>
    </message>
    <message>
        <source>the feature {column!r} is not a finite number once prepared: its values are too large; rescale the column or leave it out.</source>
        <translation>特征 {column!r} 经过处理后不是有限的数：它的值太大；请重新缩放该列或排除它。</translation>
    </message>
    <message>
        <source>the test part has values of {column!r} the training part has not ({values}): they count as its reference level.</source>
        <translation>测试集中 {column!r} 有训练集没有的值（{values}）：它们按参照水平处理。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>it was cancelled.</source>
        <translation>已被取消。</translation>
    </message>
    <message>
        <source>there is not enough memory for this.</source>
        <translation>内存不足，无法完成。</translation>
    </message>
    <message>
        <source>unexpected problem ({kind}: {error}).</source>
        <translation>意外的问题（{kind}：{error}）。</translation>
    </message>
</context>
<context>
    <name>evaluation</name>
    <message>
        <source>positive class</source>
        <translation>正类</translation>
    </message>
    <message>
        <source>macro average over the {count} classes present</source>
        <translation>对现有的 {count} 个类别取宏平均</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>curves of the wrong shape</source>
        <translation>曲线形状错误</translation>
    </message>
    <message>
        <source>curves whose epochs do not add up</source>
        <translation>曲线的轮次对不上</translation>
    </message>
    <message>
        <source>weights of the wrong shape</source>
        <translation>权重形状错误</translation>
    </message>
    <message>
        <source>weights that are not finite</source>
        <translation>权重不是有限值</translation>
    </message>
    <message>
        <source>more weights than the budget holds</source>
        <translation>权重超出预算</translation>
    </message>
</context>
<context>
    <name>keyboard</name>
    <message>
        <source>Train: a new run from new initial weights</source>
        <translation>训练：从新的初始权重开始一次新的运行</translation>
    </message>
    <message>
        <source>Pause or resume training</source>
        <translation>暂停或继续训练</translation>
    </message>
    <message>
        <source>Step: one epoch, then pause</source>
        <translation>单步：运行一轮后暂停</translation>
    </message>
    <message>
        <source>Step back one epoch</source>
        <translation>后退一轮</translation>
    </message>
    <message>
        <source>Stop training</source>
        <translation>停止训练</translation>
    </message>
    <message>
        <source>Show view 1 … {n}</source>
        <translation>显示视图 1 … {n}</translation>
    </message>
    <message>
        <source>Open a data file</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>Export the view shown as an image</source>
        <translation>将当前视图导出为图像</translation>
    </message>
    <message>
        <source>Zoom in (larger text and lines)</source>
        <translation>放大（更大的文字和线条）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom back to normal</source>
        <translation>恢复正常大小</translation>
    </message>
    <message>
        <source>Presentation: the views take the window, or back</source>
        <translation>演示：视图占满窗口，或恢复原样</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Next / previous control</source>
        <translation>下一个 / 上一个控件</translation>
    </message>
</context>
<context>
    <name>landscape</name>
    <message>
        <source>b[class {label}]</source>
        <translation>b[类别 {label}]</translation>
    </message>
    <message>
        <source>w[{feature}, class {label}]</source>
        <translation>w[{feature}, 类别 {label}]</translation>
    </message>
    <message>
        <source>The training loss J over {first} (horizontal) and {second} (vertical): with a single feature these are the only two parameters, so this is the whole landscape.</source>
        <translation>训练损失 J 随 {first}（横轴）和 {second}（纵轴）的变化：只有一个特征时只有这两个参数，所以这就是完整的损失地形。</translation>
    </message>
    <message>
        <source>The objective J (loss plus penalty) over {first} (horizontal) and {second} (vertical): with a single feature these are the only two parameters, so this is the whole landscape.</source>
        <translation>目标函数 J（损失加惩罚）关于 {first}（横轴）和 {second}（纵轴）：只有一个特征时，这就是仅有的两个参数，所以这就是完整的地形。</translation>
    </message>
    <message>
        <source>The path is where gradient descent took them.</source>
        <translation>路径是梯度下降带它们走过的地方。</translation>
    </message>
    <message>
        <source>its current value</source>
        <translation>其当前值</translation>
    </message>
    <message>
        <source>their current values</source>
        <translation>其当前值</translation>
    </message>
    <message>
        <source>the current ones</source>
        <translation>当前的值</translation>
    </message>
    <message>
        <source>its value of epoch {epoch:,}</source>
        <translation>其第 {epoch:,} 轮的值</translation>
    </message>
    <message>
        <source>their values of epoch {epoch:,}</source>
        <translation>其第 {epoch:,} 轮的值</translation>
    </message>
    <message>
        <source>those of epoch {epoch:,}</source>
        <translation>第 {epoch:,} 轮的值</translation>
    </message>
    <message>
        <source>The training loss J over {first} (horizontal) and {second} (vertical), {others} held at {held}.</source>
        <translation>训练损失 J 随 {first}（横轴）和 {second}（纵轴）的变化，{others} 固定为{held}。</translation>
    </message>
    <message>
        <source>The objective J (loss plus penalty) over {first} (horizontal) and {second} (vertical), {others} held at {held}.</source>
        <translation>目标函数 J（损失加惩罚）关于 {first}（横轴）和 {second}（纵轴），{others} 固定在 {held}。</translation>
    </message>
    <message>
        <source>The path is where gradient descent took these two weights; on this slice the other weights are {source}, so earlier points of the path were on other slices.</source>
        <translation>路径是梯度下降带这两个权重走过的地方；在这个切片上其他权重取{source}，所以路径上较早的点位于其他切片上。</translation>
    </message>
    <message>
        <source>The path is where gradient descent took these two weights; on this slice the other parameters are {source}, so earlier points of the path were on other slices.</source>
        <translation>路径是梯度下降带这两个权重走过的地方；在这个切片上其他参数取{source}，所以路径上较早的点位于其他切片上。</translation>
    </message>
    <message>
        <source>The path is where gradient descent took these two parameters; on this slice the other weights are {source}, so earlier points of the path were on other slices.</source>
        <translation>路径是梯度下降带这两个参数走过的地方；在这个切片上其他权重取{source}，所以路径上较早的点位于其他切片上。</translation>
    </message>
    <message>
        <source>The path is where gradient descent took these two parameters; on this slice the other parameters are {source}, so earlier points of the path were on other slices.</source>
        <translation>路径是梯度下降带这两个参数走过的地方；在这个切片上其他参数取{source}，所以路径上较早的点位于其他切片上。</translation>
    </message>
    <message>
        <source>Its cross-entropy is weighted by class: each training sample counts its class&apos;s weight, as in the run.</source>
        <translation>它的交叉熵按类别加权：每个训练样本计其类别的权重，与训练中相同。</translation>
    </message>
    <message>
        <source>It is computed on a random sample of {rows:,} of the {total:,} training rows, so it can differ a little from J on all of them.</source>
        <translation>它是在 {total:,} 个训练样本中随机抽取的 {rows:,} 个上计算的，因此可能与在全部样本上的 J 略有不同。</translation>
    </message>
    <message>
        <source>computing the loss landscape was cancelled.</source>
        <translation>已取消计算损失地形。</translation>
    </message>
    <message>
        <source>the training data are empty: there is no loss to draw.</source>
        <translation>训练数据为空：没有可绘制的损失。</translation>
    </message>
    <message>
        <source>pick two different parameters.</source>
        <translation>请选择两个不同的参数。</translation>
    </message>
    <message>
        <source>every weight</source>
        <translation>所有权重</translation>
    </message>
    <message>
        <source>the other weight</source>
        <translation>另一个权重</translation>
    </message>
    <message>
        <source>every other weight</source>
        <translation>其他所有权重</translation>
    </message>
    <message>
        <source>the intercept</source>
        <translation>截距</translation>
    </message>
    <message>
        <source>the intercepts</source>
        <translation>各截距</translation>
    </message>
    <message>
        <source>the other intercept</source>
        <translation>另一个截距</translation>
    </message>
    <message>
        <source>the other intercepts</source>
        <translation>其他截距</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first}和{second}</translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <source>runs of the {solver} solver cannot be written as code yet; export a run of gradient descent, momentum, Nesterov, Adam or Newton&apos;s method.</source>
        <translation>{solver} 优化器的运行暂时还不能写成代码;请导出梯度下降、动量、Nesterov、Adam 或牛顿法的运行。</translation>
    </message>
    <message>
        <source>code is written as a .py script or an .ipynb notebook, not “{suffix}”.</source>
        <translation>代码只能写成 .py 脚本或 .ipynb 笔记本,不能是“{suffix}”。</translation>
    </message>
    <message>
        <source>there is no run yet to write as code: train first.</source>
        <translation>还没有可以写成代码的运行:请先训练。</translation>
    </message>
    <message>
        <source>this run is the blog&apos;s own code, which the blog prints in full; choose the correct run to export it.</source>
        <translation>这次运行是博客自己的代码,博客里已经完整列出;请选择正确的运行来导出。</translation>
    </message>
    <message>
        <source>the settings that made these data are not known; make them again.</source>
        <translation>不知道生成这些数据的设置;请重新生成数据。</translation>
    </message>
    <message>
        <source>the weights this run started from are no longer kept, so it cannot be written as code; train it again from the start.</source>
        <translation>这次运行起始时的权重已不再保留,所以无法写成代码;请从头重新训练。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (byte {position:,} is not): save it as UTF-8.</source>
        <translation>{name} 不是 UTF-8 文本(第 {position:,} 个字节不是):请把它另存为 UTF-8。</translation>
    </message>
    <message>
        <source>The lesson</source>
        <translation>该课程</translation>
    </message>
    <message>
        <source>it is nested too deeply.</source>
        <translation>它的嵌套层次太深。</translation>
    </message>
    <message>
        <source>it is too large for this memory.</source>
        <translation>它对这台机器的内存来说太大了。</translation>
    </message>
    <message>
        <source>it is not a lesson file.</source>
        <translation>它不是课程文件。</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}:{problem}</translation>
    </message>
    <message>
        <source>Step {step} of {name}: {problem}</source>
        <translation>{name} 的第 {step} 步:{problem}</translation>
    </message>
    <message>
        <source>{what} is {length:,} characters long; it may be at most {limit:,}.</source>
        <translation>{what}有 {length:,} 个字符;最多只能有 {limit:,} 个。</translation>
    </message>
    <message>
        <source>it is larger than {limit} KiB, the most a lesson may be.</source>
        <translation>它大于 {limit} KiB,这是一门课程的上限。</translation>
    </message>
    <message>
        <source>its introduction</source>
        <translation>它的引言</translation>
    </message>
    <message>
        <source>it has no steps: each step begins with a line &apos;## its title&apos;.</source>
        <translation>它没有任何步骤:每一步都以一行 &apos;## 标题&apos; 开始。</translation>
    </message>
    <message>
        <source>it does not begin with its front matter: a line &apos;---&apos;, the lines &apos;title: …&apos; and &apos;language: …&apos;, and a line &apos;---&apos;.</source>
        <translation>它没有以文件头开始:一行 &apos;---&apos;,然后是 &apos;title: …&apos; 和 &apos;language: …&apos; 两行,再一行 &apos;---&apos;。</translation>
    </message>
    <message>
        <source>its front matter is not closed by a line &apos;---&apos;.</source>
        <translation>它的文件头没有以一行 &apos;---&apos; 结束。</translation>
    </message>
    <message>
        <source>the line {line} of its front matter is not &apos;key: value&apos;.</source>
        <translation>它文件头的第 {line} 行不是 &apos;key: value&apos; 的形式。</translation>
    </message>
    <message>
        <source>its front matter has an unknown key {key}; it may have title and language.</source>
        <translation>它的文件头有未知的键 {key};只能有 title 和 language。</translation>
    </message>
    <message>
        <source>its front matter gives the {key} twice.</source>
        <translation>它的文件头把 {key} 给了两次。</translation>
    </message>
    <message>
        <source>its front matter has no &apos;title: …&apos;.</source>
        <translation>它的文件头没有 &apos;title: …&apos;。</translation>
    </message>
    <message>
        <source>its title</source>
        <translation>它的标题</translation>
    </message>
    <message>
        <source>its front matter has no &apos;language: …&apos;.</source>
        <translation>它的文件头没有 &apos;language: …&apos;。</translation>
    </message>
    <message>
        <source>its language {language} is not one of {languages}.</source>
        <translation>它的语言 {language} 不是 {languages} 之一。</translation>
    </message>
    <message>
        <source>a ```{kind} block (line {line}) comes before the first step (&apos;## …&apos;).</source>
        <translation>一个 ```{kind} 块(第 {line} 行)出现在第一步(&apos;## …&apos;)之前。</translation>
    </message>
    <message>
        <source>it has more than {limit} steps, the most a lesson may have.</source>
        <translation>它超过了 {limit} 步,这是一门课程的上限。</translation>
    </message>
    <message>
        <source>its ```{kind} block (line {line}) is not closed by a line ```.</source>
        <translation>它的 ```{kind} 块(第 {line} 行)没有以一行 ``` 结束。</translation>
    </message>
    <message>
        <source>it has no title after its &apos;##&apos;.</source>
        <translation>它的 &apos;##&apos; 后面没有标题。</translation>
    </message>
    <message>
        <source>it has two ```{kind} blocks; a step may have one.</source>
        <translation>它有两个 ```{kind} 块;每一步只能有一个。</translation>
    </message>
    <message>
        <source>it has no text: say below its title what to look at.</source>
        <translation>它没有正文:请在标题下面写明要看什么。</translation>
    </message>
    <message>
        <source>its text</source>
        <translation>它的正文</translation>
    </message>
    <message>
        <source>its ```{kind} block nests deeper than {limit} levels.</source>
        <translation>它的 ```{kind} 块嵌套超过了 {limit} 层。</translation>
    </message>
    <message>
        <source>its ```{kind} block holds NaN or an infinity, which a lesson may not use.</source>
        <translation>它的 ```{kind} 块含有 NaN 或无穷大,课程里不能使用。</translation>
    </message>
    <message>
        <source>its ```{kind} block gives {key} twice.</source>
        <translation>它的 ```{kind} 块把 {key} 给了两次。</translation>
    </message>
    <message>
        <source>its ```{kind} block is not valid JSON (line {line} of the file).</source>
        <translation>它的 ```{kind} 块不是有效的 JSON(文件第 {line} 行)。</translation>
    </message>
    <message>
        <source>its ```{kind} block is not valid JSON.</source>
        <translation>它的 ```{kind} 块不是有效的 JSON。</translation>
    </message>
    <message>
        <source>its ```setup block is not a JSON object ({…}).</source>
        <translation>它的 ```setup 块不是 JSON 对象({…})。</translation>
    </message>
    <message>
        <source>its setup has an unknown key {key}; it may have {keys}.</source>
        <translation>它的设置有未知的键 {key};可以有 {keys}。</translation>
    </message>
    <message>
        <source>its blog must be true or false; {value} is not.</source>
        <translation>它的 blog 必须是 true 或 false;{value} 不是。</translation>
    </message>
    <message>
        <source>its data setting is not a JSON object ({…}).</source>
        <translation>它的数据设置不是 JSON 对象({…})。</translation>
    </message>
    <message>
        <source>its data come from a file, which a lesson may not open; it may use {sources}.</source>
        <translation>它的数据来自文件,课程不能打开文件;可以使用 {sources}。</translation>
    </message>
    <message>
        <source>its data source {source} is not one of {sources}.</source>
        <translation>它的数据来源 {source} 不是 {sources} 之一。</translation>
    </message>
    <message>
        <source>its model setting is not a JSON object ({…}).</source>
        <translation>它的模型设置不是 JSON 对象({…})。</translation>
    </message>
    <message>
        <source>its model setting {name} is not a parameter of the model ({names}).</source>
        <translation>它的模型设置 {name} 不是模型的参数({names})。</translation>
    </message>
    <message>
        <source>its epoch must be a whole number of 0 or more, or &quot;end&quot;; {value} is not.</source>
        <translation>它的轮次必须是 0 或更大的整数,或者 &quot;end&quot;;{value} 不是。</translation>
    </message>
    <message>
        <source>its epoch {epoch:,} is beyond the {epochs:,} epochs it trains.</source>
        <translation>它的轮次 {epoch:,} 超出了它训练的 {epochs:,} 轮。</translation>
    </message>
    <message>
        <source>its {key} must be the name of a part of the window (letters, digits and _, a letter first); {value} is not.</source>
        <translation>它的 {key} 必须是窗口某个部件的名字(字母、数字和 _,以字母开头);{value} 不是。</translation>
    </message>
    <message>
        <source>its sample must be a whole number of 0 or more; {value} is not.</source>
        <translation>它的样本必须是 0 或更大的整数;{value} 不是。</translation>
    </message>
    <message>
        <source>its threshold must be a number from 0 to 1; {value} is not.</source>
        <translation>它的阈值必须是 0 到 1 之间的数;{value} 不是。</translation>
    </message>
    <message>
        <source>its ```question block is not a JSON object ({…}).</source>
        <translation>它的 ```question 块不是 JSON 对象({…})。</translation>
    </message>
    <message>
        <source>its question has an unknown key {key}; it may have {keys}.</source>
        <translation>它的问题有未知的键 {key};可以有 {keys}。</translation>
    </message>
    <message>
        <source>its question has no &apos;{key}&apos;.</source>
        <translation>它的问题没有 &apos;{key}&apos;。</translation>
    </message>
    <message>
        <source>its question must have from {low} to {high} choices in a list; {value} is not.</source>
        <translation>它的问题必须有一个包含 {low} 到 {high} 个选项的列表;{value} 不是。</translation>
    </message>
    <message>
        <source>its question&apos;s answer must be the number of a choice, from 0 (the first) to {last}; {value} is not.</source>
        <translation>它的问题的答案必须是某个选项的编号,从 0(第一个)到 {last};{value} 不是。</translation>
    </message>
    <message>
        <source>its question&apos;s {key} must be a text that is not empty.</source>
        <translation>它的问题的 {key} 必须是非空的文字。</translation>
    </message>
    <message>
        <source>its question&apos;s {key}</source>
        <translation>它的问题的 {key}</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <source>the learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>the batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>the penalty</source>
        <translation>惩罚</translation>
    </message>
    <message>
        <source>the penalty strength α</source>
        <translation>惩罚强度 α</translation>
    </message>
    <message>
        <source>the L1 ratio</source>
        <translation>L1 比例</translation>
    </message>
    <message>
        <source>the class weights</source>
        <translation>类别权重</translation>
    </message>
    <message>
        <source>the L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <source>the initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>the epochs without improvement</source>
        <translation>无改进的轮数</translation>
    </message>
    <message>
        <source>the optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>the momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>the number type</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <source>give the penalty as penalty and alpha, or as the older l2, not both (penalty={penalty!r}, l2={l2!r}).</source>
        <translation>请用 penalty 和 alpha 给出惩罚，或用旧的 l2，不要两者都用（penalty={penalty!r}，l2={l2!r}）。</translation>
    </message>
    <message>
        <source>LogisticRegressionGD did not converge to tol={tol:g} in {epochs} epochs; increase epochs or the learning rate.</source>
        <translation>LogisticRegressionGD 在 {epochs} 轮内未收敛到 tol={tol:g}；请增加轮数或学习率。</translation>
    </message>
    <message>
        <source>LogisticRegressionGD needs samples of at least 2 classes; got 1 class: {label!r}.</source>
        <translation>LogisticRegressionGD 需要至少 2 个类别的样本；只得到 1 个类别：{label!r}。</translation>
    </message>
    <message>
        <source>labels {labels!r} are not among the training classes {classes!r}.</source>
        <translation>标签 {labels!r} 不在训练类别 {classes!r} 中。</translation>
    </message>
</context>
<context>
    <name>newton</name>
    <message>
        <source>Newton&apos;s method needs a smooth objective and an L1 or elastic-net penalty has a kink at every zero weight: use gradient descent, momentum, Nesterov or Adam, which take the proximal step.</source>
        <translation>牛顿法需要光滑的目标函数，而 L1 或弹性网惩罚在每个零权重处都有折点：请使用梯度下降、动量、Nesterov 或 Adam，它们会做近端步骤。</translation>
    </message>
    <message>
        <source>Newton&apos;s method solves a {size:,} × {size:,} system each step; it is offered up to {limit:,} parameters (here {features:,} feature, two classes). Use Adam or gradient descent.</source>
        <translation>牛顿法每一步都要求解一个 {size:,} × {size:,} 的方程组；最多支持 {limit:,} 个参数（此处为 {features:,} 个特征，两个类别）。请使用 Adam 或梯度下降。</translation>
    </message>
    <message>
        <source>Newton&apos;s method solves a {size:,} × {size:,} system each step; it is offered up to {limit:,} parameters (here {features:,} features, two classes). Use Adam or gradient descent.</source>
        <translation>牛顿法每一步都要求解一个 {size:,} × {size:,} 的方程组；最多支持 {limit:,} 个参数（此处为 {features:,} 个特征，两个类别）。请使用 Adam 或梯度下降。</translation>
    </message>
    <message>
        <source>Newton&apos;s method solves a {size:,} × {size:,} system each step; it is offered up to {limit:,} parameters (here {features:,} feature × {classes:,} classes). Use Adam or gradient descent.</source>
        <translation>牛顿法每一步都要求解一个 {size:,} × {size:,} 的方程组；最多支持 {limit:,} 个参数（此处为 {features:,} 个特征 × {classes:,} 个类别）。请使用 Adam 或梯度下降。</translation>
    </message>
    <message>
        <source>Newton&apos;s method solves a {size:,} × {size:,} system each step; it is offered up to {limit:,} parameters (here {features:,} features × {classes:,} classes). Use Adam or gradient descent.</source>
        <translation>牛顿法每一步都要求解一个 {size:,} × {size:,} 的方程组；最多支持 {limit:,} 个参数（此处为 {features:,} 个特征 × {classes:,} 个类别）。请使用 Adam 或梯度下降。</translation>
    </message>
</context>
<context>
    <name>optimum</name>
    <message>
        <source>The check for separable classes ran out of time; the search may not end.</source>
        <translation>检查类别是否可分时超时；搜索可能不会结束。</translation>
    </message>
    <message>
        <source>the search for the optimum was cancelled.</source>
        <translation>已取消搜索最优值。</translation>
    </message>
    <message>
        <source>No finite optimum: the classes can be separated (no penalty).</source>
        <translation>没有有限的最优点：类别可以被分开（无惩罚）。</translation>
    </message>
    <message>
        <source>Without a penalty these training data can be separated by a linear rule, so the loss keeps falling towards 0 as the weights grow, forever: there is no best value to reach. Add a penalty (L2, L1 or elastic net) to get a finite optimum.</source>
        <translation>没有惩罚时，这些训练数据可以被一条线性规则分开，所以随着权重变大，损失会一直朝 0 下降，永不停止：没有可以达到的最佳值。加一个惩罚（L2、L1 或弹性网）才能得到有限的最优点。</translation>
    </message>
    <message>
        <source>No finite optimum, it seems: the classes look separable (no penalty).</source>
        <translation>似乎没有有限的最优点：类别看起来可分（无惩罚）。</translation>
    </message>
    <message>
        <source>A random sample of {sample:,} of the {rows:,} rows can be separated by a linear rule, and L-BFGS found no minimum in {iterations:,} iterations (the loss was still falling, at {value:.3g}). Add a penalty (L2, L1 or elastic net) to get a finite optimum.</source>
        <translation>{rows:,} 行中随机抽取的 {sample:,} 行可以被一条线性规则分开，而 L-BFGS 在 {iterations:,} 次迭代内没有找到最小值（损失仍在下降，为 {value:.3g}）。加一个惩罚（L2、L1 或弹性网）才能得到有限的最优点。</translation>
    </message>
    <message>
        <source>no penalty</source>
        <translation>无惩罚</translation>
    </message>
    <message>
        <source>{penalty}, scikit-learn&apos;s C = 1/(α·n) = {C:.4g}</source>
        <translation>{penalty}，scikit-learn 的 C = 1/(α·n) = {C:.4g}</translation>
    </message>
    <message>
        <source>{where}; the classes, in order, weigh {weights}</source>
        <translation>{where}；各类别依次的权重为 {weights}</translation>
    </message>
    <message>
        <source>Optimum of the weighted training objective ≈ {value:.6g} (approximate).</source>
        <translation>加权训练目标的最优值 ≈ {value:.6g}（近似）。</translation>
    </message>
    <message>
        <source>Optimum of the training objective ≈ {value:.6g} (approximate).</source>
        <translation>训练目标函数的最优值 ≈ {value:.6g}（近似）。</translation>
    </message>
    <message>
        <source>L-BFGS stopped after {iterations:,} iterations with a gradient of {gradient:.2g}, short of its tolerance ({where}): the true optimum is a little lower.</source>
        <translation>L-BFGS 在 {iterations:,} 次迭代后停止，梯度为 {gradient:.2g}，未达到其容差（{where}）：真正的最优值略低一些。</translation>
    </message>
    <message>
        <source>Optimum of the weighted training objective: {value:.6g}.</source>
        <translation>加权训练目标的最优值：{value:.6g}。</translation>
    </message>
    <message>
        <source>The lowest value of the class-weighted mean cross-entropy (1/n)·Σ sᵢ·ℓᵢ{penalty} on the training data ({where}), found by L-BFGS in {iterations:,} iterations.</source>
        <translation>训练数据（{where}）上按类别加权的平均交叉熵 (1/n)·Σ sᵢ·ℓᵢ{penalty} 的最小值，由 L-BFGS 经 {iterations:,} 次迭代求得。</translation>
    </message>
    <message>
        <source>Optimum of the training objective: {value:.6g}.</source>
        <translation>训练目标函数的最优值：{value:.6g}。</translation>
    </message>
    <message>
        <source>The lowest value of mean cross-entropy{penalty} on the training data ({where}), found by L-BFGS in {iterations:,} iterations.</source>
        <translation>训练数据上平均交叉熵{penalty}的最低值（{where}），由 L-BFGS 在 {iterations:,} 次迭代中找到。</translation>
    </message>
    <message>
        <source>{zeros:,} of its {count:,} weights are exactly 0.</source>
        <translation>它的 {count:,} 个权重中有 {zeros:,} 个恰好为 0。</translation>
    </message>
</context>
<context>
    <name>params</name>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>one of {options}</source>
        <translation>{options} 之一</translation>
    </message>
    <message>
        <source>a whole number from {low} to {high}</source>
        <translation>从 {low} 到 {high} 的整数</translation>
    </message>
    <message>
        <source>a number from {low} to {high}</source>
        <translation>从 {low} 到 {high} 的数</translation>
    </message>
    <message>
        <source>a whole number at least {low} and less than {high}</source>
        <translation>至少为 {low} 且小于 {high} 的整数</translation>
    </message>
    <message>
        <source>a number at least {low} and less than {high}</source>
        <translation>至少为 {low} 且小于 {high} 的数</translation>
    </message>
    <message>
        <source>a whole number greater than {low} and at most {high}</source>
        <translation>大于 {low} 且至多为 {high} 的整数</translation>
    </message>
    <message>
        <source>a number greater than {low} and at most {high}</source>
        <translation>大于 {low} 且至多为 {high} 的数</translation>
    </message>
    <message>
        <source>a whole number greater than {low} and less than {high}</source>
        <translation>大于 {low} 且小于 {high} 的整数</translation>
    </message>
    <message>
        <source>a number greater than {low} and less than {high}</source>
        <translation>大于 {low} 且小于 {high} 的数</translation>
    </message>
    <message>
        <source>a whole number of {low} or more</source>
        <translation>大于等于 {low} 的整数</translation>
    </message>
    <message>
        <source>a number of {low} or more</source>
        <translation>大于等于 {low} 的数</translation>
    </message>
    <message>
        <source>a whole number greater than {low}</source>
        <translation>大于 {low} 的整数</translation>
    </message>
    <message>
        <source>a number greater than {low}</source>
        <translation>大于 {low} 的数</translation>
    </message>
    <message>
        <source>a whole number of {high} or less</source>
        <translation>小于等于 {high} 的整数</translation>
    </message>
    <message>
        <source>a number of {high} or less</source>
        <translation>小于等于 {high} 的数</translation>
    </message>
    <message>
        <source>a whole number less than {high}</source>
        <translation>小于 {high} 的整数</translation>
    </message>
    <message>
        <source>a number less than {high}</source>
        <translation>小于 {high} 的数</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first}或{second}</translation>
    </message>
    <message>
        <source>{label} must be {allowed} (or left empty); {value} is not.</source>
        <translation>{label}必须是{allowed}（或留空）；{value} 不是。</translation>
    </message>
    <message>
        <source>{label} must be {allowed}; {value} is not.</source>
        <translation>{label}必须是{allowed}；{value} 不是。</translation>
    </message>
    <message>
        <source>{label} is empty: type a value.</source>
        <translation>{label}为空：请输入一个值。</translation>
    </message>
    <message>
        <source>“{text}” is not a whole number.</source>
        <translation>“{text}”不是整数。</translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation>“{text}”不是数。</translation>
    </message>
    <message>
        <source>{label} must be a finite number, not “{text}”.</source>
        <translation>{label}必须是有限的数，而不是“{text}”。</translation>
    </message>
    <message>
        <source>{label} must be a whole number, not {text}.</source>
        <translation>{label}必须是整数，而不是 {text}。</translation>
    </message>
</context>
<context>
    <name>path</name>
    <message>
        <source>the regularisation path was cancelled.</source>
        <translation>正则化路径的计算已取消。</translation>
    </message>
</context>
<context>
    <name>penalty</name>
    <message>
        <source>no penalty</source>
        <translation>无惩罚</translation>
    </message>
    <message>
        <source>L2, α = {alpha:g}</source>
        <translation>L2，α = {alpha:g}</translation>
    </message>
    <message>
        <source>L1, α = {alpha:g}</source>
        <translation>L1，α = {alpha:g}</translation>
    </message>
    <message>
        <source>elastic net, α = {alpha:g}, l1_ratio = {ratio:g}</source>
        <translation>弹性网，α = {alpha:g}，l1_ratio = {ratio:g}</translation>
    </message>
</context>
<context>
    <name>persistence</name>
    <message>
        <source>{name} is not a {kind} file.</source>
        <translation>{name} 不是{kind}文件。</translation>
    </message>
    <message>
        <source>{name} is not a {kind} file (it has no version).</source>
        <translation>{name} 不是{kind}文件（它没有版本号）。</translation>
    </message>
    <message>
        <source>{name} was saved by a newer logreg-gui (file version {version}, this one reads up to {supported}): update logreg-gui to open it.</source>
        <translation>{name} 由更新版本的 logreg-gui 保存（文件版本 {version}，本版本最多读取 {supported}）：请更新 logreg-gui 后再打开。</translation>
    </message>
    <message>
        <source>{name} is damaged: its {what} are not numbers.</source>
        <translation>{name} 已损坏：其{what}不是数。</translation>
    </message>
    <message>
        <source>{name} is damaged: its {what} have the shape {shape}, not {wanted}.</source>
        <translation>{name} 已损坏：其{what}的形状为 {shape}，而不是 {wanted}。</translation>
    </message>
    <message>
        <source>{name} is damaged: its {what} are not all finite numbers.</source>
        <translation>{name} 已损坏：其{what}不全是有限的数。</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>intercepts</source>
        <translation>截距</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>the rows have {values} values each; the model takes {wanted}.</source>
        <translation>每行有 {values} 个值；模型需要 {wanted} 个。</translation>
    </message>
    <message>
        <source>{name} is damaged: a part of the model is missing.</source>
        <translation>{name} 已损坏：模型缺少一部分。</translation>
    </message>
    <message>
        <source>the classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>{name} is damaged: it needs at least two distinct classes.</source>
        <translation>{name} 已损坏：它至少需要两个不同的类别。</translation>
    </message>
    <message>
        <source>the feature names</source>
        <translation>特征名称</translation>
    </message>
    <message>
        <source>{name} is damaged: its preprocessing and features differ.</source>
        <translation>{name} 已损坏：其预处理与特征不一致。</translation>
    </message>
    <message>
        <source>the metrics</source>
        <translation>评估指标</translation>
    </message>
    <message>
        <source>how it was trained</source>
        <translation>训练方式</translation>
    </message>
    <message>
        <source>what it was trained on</source>
        <translation>训练所用的数据</translation>
    </message>
    <message>
        <source>the data file&apos;s digest</source>
        <translation>数据文件的摘要</translation>
    </message>
    <message>
        <source>{name} is not a model file (it is not JSON, or damaged).</source>
        <translation>{name} 不是模型文件（它不是 JSON，或已损坏）。</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>test data</source>
        <translation>测试数据</translation>
    </message>
    <message>
        <source>data kept in the session file</source>
        <translation>会话文件中保存的数据</translation>
    </message>
    <message>
        <source>{name} is damaged: the data it keeps are incomplete.</source>
        <translation>{name} 已损坏：其中保存的数据不完整。</translation>
    </message>
    <message>
        <source>{name} is damaged: the data it keeps do not fit together.</source>
        <translation>{name} 已损坏：其中保存的数据不相符。</translation>
    </message>
    <message>
        <source>opening the session was cancelled.</source>
        <translation>已取消打开会话。</translation>
    </message>
    <message>
        <source>the size of a part</source>
        <translation>某一部分的大小</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>一个数组</translation>
    </message>
    <message>
        <source>the last epoch</source>
        <translation>最后一轮</translation>
    </message>
    <message>
        <source>a run</source>
        <translation>一次运行</translation>
    </message>
    <message>
        <source>the curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>the learning rates</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>the epoch a run continued from</source>
        <translation>运行接续的轮次</translation>
    </message>
    <message>
        <source>the model settings</source>
        <translation>模型设置</translation>
    </message>
    <message>
        <source>{name} is not a session file (it is damaged, cut short, or of another kind).</source>
        <translation>{name} 不是会话文件（它已损坏、被截断，或是其他类型的文件）。</translation>
    </message>
    <message>
        <source>its description (session.json)</source>
        <translation>它的描述（session.json）</translation>
    </message>
    <message>
        <source>{name} holds {count:,} runs; a session holds at most {most}: it is damaged or not one of logreg-gui&apos;s.</source>
        <translation>{name} 包含 {count:,} 次运行；一个会话最多包含 {most} 次：它已损坏，或不是 logreg-gui 的文件。</translation>
    </message>
    <message>
        <source>the current run</source>
        <translation>当前运行</translation>
    </message>
    <message>
        <source>{name} has a setting this logreg-gui does not know: {key}.</source>
        <translation>{name} 有一项这个版本的 logreg-gui 不认识的设置:{key}。</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>the data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}:{problem}</translation>
    </message>
    <message>
        <source>the tab</source>
        <translation>标签页</translation>
    </message>
    <message>
        <source>the hidden controls</source>
        <translation>隐藏的控件</translation>
    </message>
    <message>
        <source>the locked controls</source>
        <translation>锁定的控件</translation>
    </message>
    <message>
        <source>the lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>{name} is not a preset file (it is not JSON, or damaged).</source>
        <translation>{name} 不是预设文件(它不是 JSON,或已损坏)。</translation>
    </message>
    <message>
        <source>the data settings</source>
        <translation>数据设置</translation>
    </message>
    <message>
        <source>the file {name} does not exist.</source>
        <translation>文件 {name} 不存在。</translation>
    </message>
    <message>
        <source>{name} is not a regular file.</source>
        <translation>{name} 不是普通文件。</translation>
    </message>
    <message>
        <source>{name} is too large to be a logreg-gui file.</source>
        <translation>{name} 太大，不可能是 logreg-gui 文件。</translation>
    </message>
    <message>
        <source>the file {name} cannot be read: {reason}.</source>
        <translation>无法读取文件 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} cannot be written: {reason}.</source>
        <translation>无法写入 {name}：{reason}。</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数</translation>
    </message>
    <message>
        <source>a text</source>
        <translation>一段文本</translation>
    </message>
    <message>
        <source>a choice</source>
        <translation>一个选项</translation>
    </message>
    <message>
        <source>a table of values</source>
        <translation>一组值</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>一个列表</translation>
    </message>
    <message>
        <source>the setting of the class weights</source>
        <translation>类别权重的设置</translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>{name} is damaged: {part} is not as it should be.</source>
        <translation>{name} 已损坏：{part}不正确。</translation>
    </message>
    <message>
        <source>{name} is too large to open in this computer&apos;s memory.</source>
        <translation>{name} 太大，这台计算机的内存无法打开它。</translation>
    </message>
    <message>
        <source>{name} is damaged: it is nested too deeply to be a {kind} file.</source>
        <translation>{name} 已损坏：它嵌套太深，不可能是 {kind} 文件。</translation>
    </message>
    <message>
        <source>{name} is not a {kind} file that can be opened (it is damaged, cut short, or of another kind).</source>
        <translation>{name} 不是可以打开的 {kind} 文件（它已损坏、不完整或属于其他类型）。</translation>
    </message>
</context>
<context>
    <name>race</name>
    <message>
        <source>{name} {message}</source>
        <translation>{name} {message}</translation>
    </message>
    <message>
        <source>{name} is running</source>
        <translation>{name} 正在运行</translation>
    </message>
</context>
<context>
    <name>training</name>
    <message>
        <source>stopped after {epochs:,} epochs.</source>
        <translation>在 {epochs:,} 轮后停止。</translation>
    </message>
    <message>
        <source>the loss swings between {low} and {high} every epoch (since epoch {first:,}): the learning rate {rate:g} is too large to settle; try {smaller:g}.</source>
        <translation>损失每一轮都在 {low} 与 {high} 之间来回摆动（自第 {first:,} 轮起）：学习率 {rate:g} 太大，无法稳定下来；试试 {smaller:g}。</translation>
    </message>
    <message>
        <source>the loss is rising: over epochs {first:,}–{last:,} it averaged {mean:.4g}, well above its best of {best:.4g} (epoch {best_epoch:,}). The steps overshoot: the learning rate {rate:g} is likely too large; try {smaller:g}.</source>
        <translation>损失在上升：第 {first:,}–{last:,} 轮的平均值为 {mean:.4g}，远高于其最佳值 {best:.4g}（第 {best_epoch:,} 轮）。步子迈得太大：学习率 {rate:g} 很可能过大；试试 {smaller:g}。</translation>
    </message>
    <message>
        <source>completed all {epochs:,} epochs, oscillating: the loss still swings between {low} and {high} every epoch; the learning rate {rate:g} is too large to settle. Try {smaller:g}.</source>
        <translation>已完成全部 {epochs:,} 轮，但在振荡：损失仍然每一轮在 {low} 与 {high} 之间摆动；学习率 {rate:g} 太大，无法稳定下来。试试 {smaller:g}。</translation>
    </message>
    <message>
        <source>completed all {epochs:,} epochs.</source>
        <translation>完成了全部 {epochs:,} 轮。</translation>
    </message>
    <message>
        <source>converged after {steps:,} Newton steps: the objective no longer decreases beyond rounding; it is at its optimum, {objective:.10g}.</source>
        <translation>经过 {steps:,} 步牛顿法后收敛：目标函数在舍入误差之外不再下降；它已达到最优值 {objective:.10g}。</translation>
    </message>
    <message>
        <source>converged after {epochs:,} epochs: the last {window} epochs did not improve the loss by at least tol = {tol:g} over its best, {best:.6g}.</source>
        <translation>经过 {epochs:,} 轮后收敛：最近 {window} 轮的损失都没有比其最佳值 {best:.6g} 改进至少 tol = {tol:g}。</translation>
    </message>
    <message>
        <source>Yet it was oscillating, not settled: the loss swings between {low} and {high} every epoch; the learning rate {rate:g} is too large to settle. Try {smaller:g}.</source>
        <translation>但它在振荡，并未稳定：损失每一轮在 {low} 与 {high} 之间摆动；学习率 {rate:g} 太大，无法稳定下来。试试 {smaller:g}。</translation>
    </message>
    <message>
        <source>diverged at once: the loss is infinite at the initial weights, because the features are too large. Standardise the features.</source>
        <translation>一开始就发散了：在初始权重处损失为无穷大，因为特征值太大。请对特征做标准化。</translation>
    </message>
    <message>
        <source>diverged at epoch {epoch:,}: with learning rate {rate:g} the loss exploded (from {start:.4g} at the start to more than {factor:g} times that, or to infinity). The weights of epoch {kept:,} are kept. Use a smaller learning rate, e.g. {smaller:g}.</source>
        <translation>在第 {epoch:,} 轮发散：学习率为 {rate:g} 时损失爆炸（从开始时的 {start:.4g} 增长到其 {factor:g} 倍以上，或变为无穷大）。保留第 {kept:,} 轮的权重。请使用更小的学习率，例如 {smaller:g}。</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>{k}-fold cross-validation needs at least {k} training samples of every class; the smallest class has {smallest}.</source>
        <translation>{k} 折交叉验证要求每个类别至少有 {k} 个训练样本；最小的类别只有 {smallest} 个。</translation>
    </message>
    <message>
        <source>cross-validation was cancelled.</source>
        <translation>交叉验证已取消。</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Tab: {title}</source>
        <translation>标签页:{title}</translation>
    </message>
</context>
</TS>
