#!/usr/bin/env python3
"""Builds an ONNX feature extractor from the Keras MobileNetV2 that npm nsfwjs ships.

Reads what extract_keras.cjs wrote (model.json: Keras topology + weights manifest; weights.bin:
the weight bytes), walks the Keras layers from the input up to the cut layer(s) and writes an
ONNX graph (opset 17, plain ops) that ends in pooled features:

    pixels   float32 [N, S, S, 3]  NHWC, RGB, values in [0, 1] (the network's own input scaling)
    features float32 [N, 3*C]      the means of each of the cut layer's C channels over the whole
                                   map, over its top half (rows 0 .. ceil(h/2)-1), over its bottom
                                   half (rows floor(h/2) .. h-1): all C, then top C, then bottom C
                                   (C = 96 from block_10 to block_12). With several --cut, one
                                   output per cut, named features_<cut>.

Layer mapping: ZeroPadding2D is folded into the pads of the Conv that consumes it; Conv2D and
DepthwiseConv2D (a grouped Conv, group = channels) get the following BatchNormalization folded in
(computed in float64, stored as float32); ReLU(max_value=6) is Clip(0, 6); Add is Add. Weights
are dequantised as tfjs does it: float32(q * scale + min), q the uint8 in weights.bin.

The output is a pure function of the inputs: no time stamps, no random names, fixed IR version
and opset, so running it twice gives byte-identical files.

Needs python3 with numpy and onnx (Debian: python3-numpy python3-onnx; pip: numpy onnx).

usage: build_onnx.py --keras DIR --size S [--cut LAYER ...] --out FILE.onnx
"""
import argparse
import hashlib
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8  # the IR version of opset 17 (onnx 1.12); readable by every ONNX Runtime since 1.12


def load_weights(keras_dir):
    with open(os.path.join(keras_dir, 'model.json'), encoding='utf-8') as f:
        model = json.load(f)
    with open(os.path.join(keras_dir, 'weights.bin'), 'rb') as f:
        data = f.read()
    weights = {}
    offset = 0
    for group in model['weightsManifest']:
        for spec in group['weights']:
            count = int(np.prod(spec['shape'], dtype=np.int64))
            q = spec.get('quantization')
            if spec['dtype'] != 'float32':
                raise ValueError('unsupported dtype %s of %s' % (spec['dtype'], spec['name']))
            if q is None:
                values = np.frombuffer(data, dtype='<f4', count=count, offset=offset)
                offset += 4 * count
            elif q['dtype'] == 'uint8':
                raw = np.frombuffer(data, dtype=np.uint8, count=count, offset=offset)
                offset += count
                # tfjs (io_utils decodeWeights): values[i] = v * scale + min, in double, stored float32
                values = (raw.astype(np.float64) * q['scale'] + q['min']).astype(np.float32)
            else:
                raise ValueError('unsupported quantization %s of %s' % (q['dtype'], spec['name']))
            weights[spec['name']] = values.reshape(spec['shape'])
    if offset != len(data):
        raise ValueError('weights.bin has %d bytes, the manifest describes %d' % (len(data), offset))
    return model['modelTopology'], weights


def layer_weight(weights, layer, name):
    # Keras 2.2 names weights "<layer>/<weight>" (no ":0" suffix in tfjs manifests).
    for key in ('%s/%s' % (layer, name), '%s/%s:0' % (layer, name)):
        if key in weights:
            return weights[key]
    raise KeyError('no weight %s/%s' % (layer, name))


def build(topology, weights, size, cuts, source_note):
    config = topology['model_config']['config']
    layers = {layer['name']: layer for layer in config['layers']}
    order = [layer['name'] for layer in config['layers']]

    def inbound(name):
        nodes = layers[name]['inbound_nodes']
        if not nodes:
            return []
        if len(nodes) != 1:
            raise ValueError('layer %s is used more than once' % name)
        return [entry[0] for entry in nodes[0]]

    needed = set()
    stack = list(cuts)
    while stack:
        name = stack.pop()
        if name not in layers:
            raise KeyError('no layer %s' % name)
        if name not in needed:
            needed.add(name)
            stack.extend(inbound(name))
    consumers = {name: [] for name in order}
    for name in order:
        if name in needed:
            for src in inbound(name):
                consumers[src].append(name)

    nodes = []
    initializers = []
    tensor = {}    # layer name -> (ONNX tensor name, channels, height, width)
    padding = {}   # ZeroPadding2D name -> (source layer, (top, bottom), (left, right))
    folded = set()

    def add_init(name, array):
        initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def conv(name, src_name, kernel, group, strides, mode, bias):
        # kernel: ONNX layout [M, C/group, kh, kw]
        kh, kw = kernel.shape[2], kernel.shape[3]
        if src_name in padding:
            src, (pt, pb), (pl, pr) = padding[src_name]
        else:
            src, (pt, pb), (pl, pr) = src_name, (0, 0), (0, 0)
        x, _, h, w = tensor[src]
        if mode == 'same':
            if strides != [1, 1]:
                raise ValueError('%s: "same" padding with stride %s is not supported' % (name, strides))
            pt, pb = pt + (kh - 1) // 2, pb + kh - 1 - (kh - 1) // 2
            pl, pr = pl + (kw - 1) // 2, pr + kw - 1 - (kw - 1) // 2
        elif mode != 'valid':
            raise ValueError('%s: padding %s' % (name, mode))
        out_h = (h + pt + pb - kh) // strides[0] + 1
        out_w = (w + pl + pr - kw) // strides[1] + 1
        # fold the BatchNormalization that is this conv's only consumer
        cons = consumers[name]
        out_layer = name
        if len(cons) == 1 and layers[cons[0]]['class_name'] == 'BatchNormalization':
            bn = cons[0]
            bcfg = layers[bn]['config']
            if bcfg.get('axis', -1) not in (-1, 3) or not bcfg.get('scale', True) or not bcfg.get('center', True):
                raise ValueError('%s: unsupported BatchNormalization config' % bn)
            gamma = layer_weight(weights, bn, 'gamma').astype(np.float64)
            beta = layer_weight(weights, bn, 'beta').astype(np.float64)
            mean = layer_weight(weights, bn, 'moving_mean').astype(np.float64)
            var = layer_weight(weights, bn, 'moving_variance').astype(np.float64)
            factor = gamma / np.sqrt(var + float(bcfg['epsilon']))
            b64 = np.zeros(kernel.shape[0]) if bias is None else bias.astype(np.float64)
            kernel = (kernel.astype(np.float64) * factor[:, None, None, None]).astype(np.float32)
            bias = ((b64 - mean) * factor + beta).astype(np.float32)
            folded.add(bn)
            out_layer = bn
        inputs = [x, add_init(name + '/W', kernel)]
        if bias is not None:
            inputs.append(add_init(name + '/B', bias))
        nodes.append(helper.make_node(
            'Conv', inputs, [out_layer], name=name, group=group, kernel_shape=[kh, kw],
            strides=list(strides), pads=[pt, pl, pb, pr], dilations=[1, 1]))
        tensor[name] = (out_layer, kernel.shape[0], out_h, out_w)
        if out_layer != name:
            tensor[out_layer] = tensor[name]

    add_init('clip_min', np.array(0.0, dtype=np.float32))
    add_init('clip_max', np.array(6.0, dtype=np.float32))

    for name in order:
        if name not in needed or name in folded:
            continue
        layer = layers[name]
        cls, cfg = layer['class_name'], layer['config']
        src = inbound(name)
        if cfg.get('data_format', 'channels_last') != 'channels_last':
            raise ValueError('%s: data_format %s' % (name, cfg['data_format']))
        if cls == 'InputLayer':
            if cfg['batch_input_shape'][3] != 3:
                raise ValueError('input is not 3-channel')
            nodes.append(helper.make_node('Transpose', ['pixels'], ['input_nchw'], name='to_nchw',
                                          perm=[0, 3, 1, 2]))
            tensor[name] = ('input_nchw', 3, size, size)
        elif cls == 'ZeroPadding2D':
            (pt, pb), (pl, pr) = cfg['padding']
            if any(layers[c]['class_name'] not in ('Conv2D', 'DepthwiseConv2D') or layers[c]['config']['padding'] != 'valid'
                   for c in consumers[name]):
                raise ValueError('%s: padding that does not feed a "valid" conv' % name)
            padding[name] = (src[0], (pt, pb), (pl, pr))
        elif cls in ('Conv2D', 'DepthwiseConv2D'):
            if cfg.get('activation', 'linear') != 'linear' or cfg.get('dilation_rate', [1, 1]) != [1, 1]:
                raise ValueError('%s: unsupported activation/dilation' % name)
            bias = layer_weight(weights, name, 'bias') if cfg.get('use_bias') else None
            if cls == 'Conv2D':
                k = layer_weight(weights, name, 'kernel')             # [kh, kw, cin, cout]
                kernel = np.transpose(k, (3, 2, 0, 1))                  # [cout, cin, kh, kw]
                group = 1
            else:
                k = layer_weight(weights, name, 'depthwise_kernel')   # [kh, kw, cin, mult]
                kh, kw, cin, mult = k.shape
                kernel = np.transpose(k, (2, 3, 0, 1)).reshape(cin * mult, 1, kh, kw)
                group = cin
            conv(name, src[0], kernel, group, cfg['strides'], cfg['padding'], bias)
        elif cls == 'BatchNormalization':
            raise ValueError('%s: BatchNormalization not after a conv' % name)
        elif cls == 'ReLU':
            if cfg.get('max_value') != 6 or cfg.get('negative_slope', 0) != 0 or cfg.get('threshold', 0) != 0:
                raise ValueError('%s: only ReLU6 is supported' % name)
            x, c, h, w = tensor[src[0]]
            nodes.append(helper.make_node('Clip', [x, 'clip_min', 'clip_max'], [name], name=name))
            tensor[name] = (name, c, h, w)
        elif cls == 'Add':
            a, b = tensor[src[0]], tensor[src[1]]
            if a[1:] != b[1:]:
                raise ValueError('%s: shapes differ' % name)
            nodes.append(helper.make_node('Add', [a[0], b[0]], [name], name=name))
            tensor[name] = (name,) + a[1:]
        else:
            raise ValueError('%s: layer class %s is not supported' % (name, cls))

    outputs = []
    for cut in cuts:
        x, c, h, w = tensor[cut]
        top_end, bottom_start = (h + 1) // 2, h // 2
        add_init(cut + '/top_start', np.array([0], dtype=np.int64))
        add_init(cut + '/top_end', np.array([top_end], dtype=np.int64))
        add_init(cut + '/bottom_start', np.array([bottom_start], dtype=np.int64))
        add_init(cut + '/bottom_end', np.array([h], dtype=np.int64))
        add_init(cut + '/axis_h', np.array([2], dtype=np.int64))
        nodes.append(helper.make_node('ReduceMean', [x], [cut + '/mean_all'], name=cut + '/mean_all',
                                      axes=[2, 3], keepdims=0))
        nodes.append(helper.make_node('Slice', [x, cut + '/top_start', cut + '/top_end', cut + '/axis_h'],
                                      [cut + '/top'], name=cut + '/top'))
        nodes.append(helper.make_node('ReduceMean', [cut + '/top'], [cut + '/mean_top'], name=cut + '/mean_top',
                                      axes=[2, 3], keepdims=0))
        nodes.append(helper.make_node('Slice', [x, cut + '/bottom_start', cut + '/bottom_end', cut + '/axis_h'],
                                      [cut + '/bottom'], name=cut + '/bottom'))
        nodes.append(helper.make_node('ReduceMean', [cut + '/bottom'], [cut + '/mean_bottom'],
                                      name=cut + '/mean_bottom', axes=[2, 3], keepdims=0))
        out_name = 'features' if len(cuts) == 1 else 'features_' + cut
        nodes.append(helper.make_node('Concat', [cut + '/mean_all', cut + '/mean_top', cut + '/mean_bottom'],
                                      [out_name], name=cut + '/concat', axis=1))
        outputs.append(helper.make_tensor_value_info(out_name, TensorProto.FLOAT, ['N', 3 * c]))
        print('%s: map %d x %d x %d at %d px -> %s [N, %d]' % (cut, c, h, w, size, out_name, 3 * c))

    graph = helper.make_graph(
        nodes, 'mobilenet_v2_pooled',
        [helper.make_tensor_value_info('pixels', TensorProto.FLOAT, ['N', size, size, 3])],
        outputs, initializer=initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', OPSET)],
                              producer_name='daynight tools/nsfwjs-onnx', producer_version='1')
    model.ir_version = IR_VERSION
    model.doc_string = (
        'MobileNetV2 of npm nsfwjs@4.4.0 (dist/models/mobilenet_v2, MIT licence) up to %s, then the mean '
        'of each channel over the whole map, its top half (rows 0..ceil(h/2)-1) and its bottom half '
        '(rows floor(h/2)..h-1). Input pixels: float32 NHWC [N, %d, %d, 3], RGB in [0, 1]. %s'
        % (', '.join(cuts), size, size, source_note)).strip()
    for key, value in (('source', 'npm nsfwjs@4.4.0 dist/models/mobilenet_v2'),
                       ('cut', ','.join(cuts)), ('input_size', str(size)), ('layout', 'NHWC'),
                       ('value_range', '[0,1]'), ('pooling', 'whole,top_half,bottom_half')):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--keras', required=True, help='folder with model.json and weights.bin')
    parser.add_argument('--size', type=int, required=True, help='input height = width in pixels')
    parser.add_argument('--cut', action='append', help='layer whose activation is pooled (repeatable); '
                        'default block_12_add')
    parser.add_argument('--source-note', default='', help='free text added to doc_string')
    parser.add_argument('--out', required=True)
    args = parser.parse_args()
    cuts = args.cut or ['block_12_add']
    topology, weights = load_weights(args.keras)
    model = build(topology, weights, args.size, cuts, args.source_note)
    data = model.SerializeToString()
    with open(args.out, 'wb') as f:
        f.write(data)
    print('wrote %s (%d bytes, sha256 %s)' % (args.out, len(data), hashlib.sha256(data).hexdigest()))


if __name__ == '__main__':
    sys.exit(main())
